using System.Collections.Generic;
using System.IO;
using System.Linq;
using EmbeddedAgent;
using RuleGen.Tests.Events;

namespace RuleGen.Tests.Agent;

/// <summary>
/// Runs the sample agent's reading and detection path over recorded Windows event logs and checks that the
/// flagship rule alerts on exactly the events labelled <c>tp</c> in each dataset's labels.csv, and on nothing else.
/// </summary>
public class DatasetDetectionTests
{
    [DatasetTheory]
    [InlineData("evtx-attack-samples", "events.jsonl")]
    [InlineData("evtx-to-mitre-attack", "events.jsonl")]
    [InlineData("otrf-security-datasets", "process_events.jsonl")]
    [InlineData("otrf-security-datasets", "process_events_winlogbeat6.jsonl")]
    [InlineData("otrf-security-datasets", "process_events_azure.jsonl")]
    [InlineData("sigma-regression-ligolo", "events.jsonl")]
    [InlineData("sigma-regression-ligolo", "events_from_evtx.jsonl")]
    public void Agent_AlertsExactlyOnLabelledTruePositives(string folder, string file)
    {
        string directory = Path.Combine(SharedDatasets.FindDirectory()!, folder);
        HashSet<long> expected = LabelledTruePositives(Path.Combine(directory, "labels.csv"), file);
        var alerted = new List<long>();
        var problems = new List<InputProblem>();

        using StreamReader input = File.OpenText(Path.Combine(directory, file));
        RunSummary summary = AgentRunner.Run(input, alert => alerted.AddRange(alert.Lines), problems.Add);

        problems.ShouldBeEmpty();
        summary.MalformedLines.ShouldBe(0);
        alerted.Count.ShouldBe(alerted.Distinct().Count(), "an event alerted twice");
        alerted.OrderBy(line => line).ShouldBe(expected.OrderBy(line => line));
        summary.TotalAlerts.ShouldBe(expected.Count);
    }

    [DatasetFact]
    public void Agent_FindsAllEightLabelledEvents()
    {
        string datasets = SharedDatasets.FindDirectory()!;

        int attackSamples = LabelledTruePositives(Path.Combine(datasets, "evtx-attack-samples", "labels.csv"), "events.jsonl").Count;
        int mitre = LabelledTruePositives(Path.Combine(datasets, "evtx-to-mitre-attack", "labels.csv"), "events.jsonl").Count;

        attackSamples.ShouldBe(7);
        mitre.ShouldBe(1);
    }

    /// <summary>
    /// Reads the line numbers labelled <c>tp</c>. A labels file names its events file in a <c>file</c> column when
    /// its folder contains several. Otherwise every row belongs to <c>events.jsonl</c>.
    /// </summary>
    private static HashSet<long> LabelledTruePositives(string labelsPath, string eventsFile)
    {
        List<string[]> rows = Csv.Read(File.ReadAllText(labelsPath));
        string[] header = rows[0];
        int lineColumn = System.Array.IndexOf(header, "line");
        int labelColumn = System.Array.IndexOf(header, "label");
        int fileColumn = System.Array.IndexOf(header, "file");
        lineColumn.ShouldBeGreaterThanOrEqualTo(0);
        labelColumn.ShouldBeGreaterThanOrEqualTo(0);

        return rows.Skip(1)
            .Where(row => row[labelColumn] == "tp")
            .Where(row => fileColumn < 0 ? eventsFile == "events.jsonl" : row[fileColumn] == eventsFile)
            .Select(row => long.Parse(row[lineColumn], System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
    }
}
