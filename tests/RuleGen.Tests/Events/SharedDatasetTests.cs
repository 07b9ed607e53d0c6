using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RuleGen.Ecs;
using RuleGen.Events;
using Xunit.Abstractions;

namespace RuleGen.Tests.Events;

/// <summary>
/// Reads the recorded Windows event datasets beside the repository. Each test is reported as skipped, with the
/// reason, when the datasets folder is absent.
/// </summary>
public sealed class SharedDatasetTests
{
    private readonly ITestOutputHelper _output;

    public SharedDatasetTests(ITestOutputHelper output)
    {
        _output = output;
    }

    // In 249 Sysmon records of the NXLog file the collector lost the event data's ProcessId, because NXLog field
    // names are case-insensitive and its own ProcessID (the pid of Sysmon) took the name.
    [DatasetTheory]
    [InlineData("evtx-attack-samples/events.jsonl", EventFormat.EvtxJson, 8255, 1491, 42, 0)]
    [InlineData("evtx-to-mitre-attack/events.jsonl", EventFormat.EvtxJson, 8725, 14, 1260, 0)]
    [InlineData("otrf-security-datasets/process_events.jsonl", EventFormat.NxLog, 3625, 1994, 1631, 249)]
    [InlineData("otrf-security-datasets/process_events_winlogbeat6.jsonl", EventFormat.Winlogbeat6, 115, 58, 57, 0)]
    [InlineData("otrf-security-datasets/process_events_azure.jsonl", EventFormat.AzureMonitor, 4, 2, 2, 0)]
    public void Dataset_ProcessStartCounts(
        string relativePath, EventFormat format, long lines, int sysmonStarts, int securityStarts, int startsWithoutPid)
    {
        string? path = FindDataset(relativePath);
        if (path is null)
        {
            return;
        }

        using JsonLinesEventReader reader = JsonLinesEventReader.Open(path);
        List<EventReadResult> results = reader.ReadAll().ToList();

        reader.LinesRead.ShouldBe(lines);
        reader.MalformedLines.ShouldBe(0);
        reader.EventsRead.ShouldBe(lines);
        reader.FieldWarnings.ShouldBe(0);
        results.Count(result => result.Format != format).ShouldBe(0);

        List<EcsEvent> starts = results
            .Select(result => result.Event!)
            .Where(ecsEvent => ecsEvent.Event?.Category?.SequenceEqual(new[] { "process" }) == true
                && ecsEvent.Event.Type?.SequenceEqual(new[] { "start" }) == true)
            .ToList();
        starts.Count(ecsEvent => ecsEvent.Event!.Code == "1").ShouldBe(sysmonStarts);
        starts.Count(ecsEvent => ecsEvent.Event!.Code == "4688").ShouldBe(securityStarts);
        starts.Count(ecsEvent => ecsEvent.Process!.Name == null).ShouldBe(0);
        starts.Count(ecsEvent => ecsEvent.Process!.Pid == null).ShouldBe(startsWithoutPid);
        starts.Count(ecsEvent => ecsEvent.Host?.Name == null).ShouldBe(0);
        starts.Count(ecsEvent => ecsEvent.Timestamp == null).ShouldBe(0);
    }

    [DatasetFact]
    public void EvtxAttackSamples_Line748Netsh()
    {
        EcsEvent? netsh = ReadLine("evtx-attack-samples/events.jsonl", 748);
        if (netsh is null)
        {
            return;
        }

        netsh.InputLine.ShouldBe(748);
        netsh.Event!.Code.ShouldBe("1");
        netsh.Process!.Name.ShouldBe("netsh.exe");
        netsh.Host!.Name.ShouldBe("MSEDGEWIN10");
        netsh.Process.Args.ShouldNotBeNull();
        netsh.Process.Args.ShouldContain("portproxy");
        netsh.Process.Args.ShouldContain("add");
        netsh.Timestamp.ShouldBe(new DateTimeOffset(2019, 7, 29, 21, 33, 59, 390, TimeSpan.Zero));
        netsh.Process.Parent!.Name.ShouldBe("cmd.exe");
    }

    [DatasetFact]
    public void EvtxToMitreAttack_Line8673Netsh()
    {
        EcsEvent? netsh = ReadLine("evtx-to-mitre-attack/events.jsonl", 8673);
        if (netsh is null)
        {
            return;
        }

        netsh.Event!.Code.ShouldBe("4688");
        netsh.Process!.Name.ShouldBe("netsh.exe");
        netsh.Process.Parent!.Name.ShouldBe("cmd.exe");
        netsh.Host!.Name.ShouldBe("fs01.offsec.lan");
        netsh.Process.Pid.ShouldBe(0x1048);
        netsh.Process.Parent.Pid.ShouldBe(0xa38);
    }

    private string? FindDataset(string relativePath)
    {
        string? datasets = SharedDatasets.FindDirectory();
        if (datasets is null)
        {
            _output.WriteLine("Skipped: " + SharedDatasets.MissingReason);
            return null;
        }

        string path = Path.Combine(datasets, relativePath);
        if (!File.Exists(path))
        {
            // The folder is there, so a missing file means the datasets changed: fail rather than pass silently.
            throw new FileNotFoundException($"The dataset file {path} was not found in the shared datasets folder.", path);
        }

        return path;
    }

    private EcsEvent? ReadLine(string relativePath, long lineNumber)
    {
        string? path = FindDataset(relativePath);
        if (path is null)
        {
            return null;
        }

        using JsonLinesEventReader reader = JsonLinesEventReader.Open(path);
        EventReadResult result = reader.ReadAll().First(candidate => candidate.Line == lineNumber);
        result.Error.ShouldBeNull();
        return result.Event;
    }
}
