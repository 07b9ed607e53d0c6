using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using RuleGen.Generators.Tests.Diagnostics;

namespace RuleGen.Generators.Tests.Packaging;

/// <summary>
/// Packs the runtime library and the generator as NuGet packages and builds a consumer project against them, as a
/// user who installs RuleGen would. This catches what project references hide: a package layout the compiler
/// does not load, build props that never reach the consumer, or a rule error that is not a build error.
/// </summary>
public sealed class PackedPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private const string Version = "0.0.0-packtest";

    private readonly string root = Path.Combine(Path.GetTempPath(), "rulegen-packtest-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Packages_ConsumerBuildsAndFailsOnBadRule()
    {
        string feed = Path.Combine(root, "feed");
        Dotnet(root, "pack", RepositoryFiles.GetPath("src/RuleGen/RuleGen.csproj"), "--no-build", "-c", Configuration, "-o", feed, "-p:Version=" + Version).ExitCode.ShouldBe(0);
        Dotnet(root, "pack", RepositoryFiles.GetPath("generators/RuleGen.Generators/RuleGen.Generators.csproj"), "--no-build", "-c", Configuration, "-o", feed, "-p:Version=" + Version).ExitCode.ShouldBe(0);

        string consumer = Path.Combine(root, "consumer");
        Directory.CreateDirectory(Path.Combine(consumer, "rules"));
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RuleGen" Version="{Version}" />
                <PackageReference Include="RuleGen.Generators" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using System;
            using System.Collections.Generic;
            using RuleGen;
            using RuleGen.Ecs;

            var alerts = new List<Alert>();
            var pack = new RuleGen.Generated.DetectorPack();
            pack.Process(new EcsEvent { Event = new EventFields { Category = new[] { "process" } }, Process = new ProcessFields { Name = "NC.EXE" } }, alerts);
            Console.WriteLine("alerts: " + alerts.Count + ", rule: " + alerts[0].Rule.Name);
            """);
        File.WriteAllText(Path.Combine(consumer, "rules", "netcat.eql"), "// @name Netcat\nprocess where process.name : \"nc.exe\"\n");

        (int buildExit, string buildOutput) = Dotnet(consumer, "build");
        buildExit.ShouldBe(0, buildOutput);
        (int runExit, string runOutput) = Dotnet(consumer, "run", "--no-build");
        runExit.ShouldBe(0, runOutput);
        runOutput.Trim().ShouldBe("alerts: 1, rule: Netcat");

        File.WriteAllText(Path.Combine(consumer, "rules", "bad.eql"), "// @name Bad\nprocess where\n  process.nme : \"nc.exe\"\n");
        (int badExit, string badOutput) = Dotnet(consumer, "build");

        badExit.ShouldNotBe(0);
        badOutput.ShouldContain(Path.Combine(consumer, "rules", "bad.eql") + "(3,3): error RG1001: Unknown field 'process.nme': it is not in the Elastic Common Schema; did you mean 'process.name'?");
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Runs dotnet with a package cache of its own, so a package packed by an earlier run is never reused.
    private (int ExitCode, string Output) Dotnet(string directory, params string[] arguments)
    {
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (arguments[0] is "build" or "pack")
        {
            start.ArgumentList.Add("--disable-build-servers");
        }

        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(root, "packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (KeyValuePair<string, string> variable in environment)
        {
            start.Environment[variable.Key] = variable.Value;
        }

        using Process process = Process.Start(start)!;
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
