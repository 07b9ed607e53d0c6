using System;
using System.CommandLine;
using System.IO;
using EmbeddedAgent;
using RuleGen;

// The problems of a large file are many; the first ones show the pattern, and the summary counts them all.
const int MaxProblemsShown = 20;

var eventsArgument = new Argument<FileInfo?>("events")
{
    Description = "JSON Lines file of events: ECS documents, or Windows event logs converted to JSON (EVTX, NXLog, winlogbeat). Default: the bundled events/sample-events.jsonl.",
    Arity = ArgumentArity.ZeroOrOne,
};
var jsonOption = new Option<bool>("--json")
{
    Description = "Write one JSON object per alert to standard output instead of text; the summary goes to standard error.",
};
var root = new RootCommand("Runs the detection rules compiled into this agent over a file of events and prints the alerts.")
{
    eventsArgument,
    jsonOption,
};

root.SetAction(parseResult =>
{
    FileInfo file = parseResult.GetValue(eventsArgument) ?? new FileInfo(Path.Combine(AppContext.BaseDirectory, "events", "sample-events.jsonl"));
    bool json = parseResult.GetValue(jsonOption);
    if (Directory.Exists(file.FullName))
    {
        Console.Error.WriteLine($"error: '{file.FullName}' is a directory; pass the path of a JSON Lines file.");
        return 2;
    }

    if (!file.Exists)
    {
        Console.Error.WriteLine($"error: the events file '{file.FullName}' was not found; pass the path of a JSON Lines file.");
        return 2;
    }

    int problemsShown = 0;
    using StreamReader input = file.OpenText();
    RunSummary summary = AgentRunner.Run(
        input,
        alert =>
        {
            if (json)
            {
                AlertWriter.WriteJson(Console.Out, alert.Alert);
            }
            else
            {
                AlertWriter.WriteText(Console.Out, alert.Alert);
            }
        },
        problem =>
        {
            if (problemsShown++ < MaxProblemsShown)
            {
                Console.Error.WriteLine($"{(problem.IsMalformedLine ? "skipped" : "warning")}: {problem.Message}");
            }
        });

    if (problemsShown > MaxProblemsShown)
    {
        Console.Error.WriteLine($"... {problemsShown - MaxProblemsShown} more input problems not shown.");
    }

    AlertWriter.WriteSummary(json ? Console.Error : Console.Out, summary, file.Name);
    return 0;
});

return root.Parse(args).Invoke();
