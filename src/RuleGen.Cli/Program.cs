using System;
using System.CommandLine;
using System.Linq;
using RuleGen.Cli.Check;
using RuleGen.Cli.Conformance;
using RuleGen.Cli.Run;

var pathsArgument = new Argument<string[]>("paths")
{
    Description = ".eql files, folders (searched for .eql and .ndjson files) and Kibana rule exports (.ndjson, one rule object per line).",
    Arity = ArgumentArity.OneOrMore,
};
var schemaOption = new Option<string[]>("--schema")
{
    Description = "A custom field schema to add to ECS: a JSON object of field names to Elasticsearch types, dotted or nested, or an Elasticsearch mapping. Repeat for several.",
    AllowMultipleArgumentsPerToken = false,
};
var formatOption = new Option<string>("--format")
{
    Description = "text (the default) prints one line per diagnostic; sarif writes a SARIF 2.1.0 log to standard output and the summary to standard error.",
    DefaultValueFactory = _ => "text",
};
formatOption.AcceptOnlyFromAmong("text", "sarif");
var check = new Command("check", "Checks EQL rules against the Elastic Common Schema and custom schemas, without a C# project. Exits with 0 when no rule has an error, 1 when one has, and 2 when an input cannot be read or the command line is invalid.")
{
    pathsArgument,
    schemaOption,
    formatOption,
};
check.SetAction(parseResult => CheckCommand.Run(
    parseResult.GetValue(pathsArgument) ?? Array.Empty<string>(),
    parseResult.GetValue(schemaOption) ?? Array.Empty<string>(),
    parseResult.GetValue(formatOption) ?? "text",
    Console.Out,
    Console.Error));

var rulesOption = new Option<string>("--rules")
{
    Description = "An .eql file, or a folder searched for .eql files and *.schema.json custom field schemas.",
    Required = true,
};
var eventsOption = new Option<string>("--events")
{
    Description = "A JSON Lines file of events: ECS documents, or Windows event logs converted to JSON (EVTX, NXLog, winlogbeat).",
    Required = true,
};
var runSchemaOption = new Option<string[]>("--schema")
{
    Description = "A custom field schema to add to ECS, besides those in the rules folder: a JSON object of field names to Elasticsearch types, dotted or nested, or an Elasticsearch mapping. Repeat for several.",
    AllowMultipleArgumentsPerToken = false,
};
var jsonOption = new Option<bool>("--json")
{
    Description = "Write one JSON object per alert to standard output instead of text; the summary goes to standard error.",
};
var run = new Command("run", "Compiles rules in memory with the same generator a build uses, runs them over a file of events and prints the alerts and a summary. Exits with 0, with 1 when a rule has an error (the other rules still run), and with 2 when an input cannot be read or the command line is invalid.")
{
    rulesOption,
    eventsOption,
    runSchemaOption,
    jsonOption,
};
run.SetAction(parseResult => RunCommand.Run(
    parseResult.GetValue(rulesOption)!,
    parseResult.GetValue(eventsOption)!,
    parseResult.GetValue(runSchemaOption) ?? Array.Empty<string>(),
    parseResult.GetValue(jsonOption),
    Console.Out,
    Console.Error));

var suiteOption = new Option<string>("--suite")
{
    Description = "A folder of EQL test queries (*.toml) and their events, in the layout of Elasticsearch's EQL QA suite or of the Python engine's suite.",
    Required = true,
};
var minimumPassedOption = new Option<int?>("--min-passed")
{
    Description = "Succeed when at least this many queries and folding cases pass, even if others fail; CI uses it to catch a drop.",
};
var conformance = new Command("conformance", "Runs a conformance suite: compiles each query through the generator, runs it over the suite's events and compares the event ids. Folding cases (an expression and its expected value) become rules over one event and are checked the same way. Prints one line per failed or skipped query or case and 'N passed, N failed, N skipped'. Exits with 0 when nothing failed (or --min-passed was reached), 1 otherwise, and 2 when the suite cannot be read.")
{
    suiteOption,
    minimumPassedOption,
};
conformance.SetAction(parseResult => ConformanceCommand.Run(
    parseResult.GetValue(suiteOption)!,
    parseResult.GetValue(minimumPassedOption),
    Console.Out,
    Console.Error));

// A plain command named "rulegen" rather than RootCommand, whose name would be the assembly's, RuleGen.Cli.
// The assembly cannot be named rulegen, because assembly names compare without case and the runtime is RuleGen.dll.
var root = new Command("rulegen", "The RuleGen command-line tool for EQL detection rules.")
{
    check,
    run,
    conformance,
};
root.Options.Add(new System.CommandLine.Help.HelpOption());
root.Options.Add(new VersionOption());

// A command line that does not parse exits with 2, like an unreadable input, so that CI can tell a broken
// call from a rule with an error (exit code 1).
ParseResult parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    // An unknown verb is the one error worth reporting: the parser also reports that no command was given, and
    // each argument after the verb as unrecognized, which only repeats it.
    string? unknownVerb = parseResult.CommandResult.Command == root ? parseResult.UnmatchedTokens.FirstOrDefault() : null;
    if (unknownVerb is not null)
    {
        Console.Error.WriteLine($"error: '{unknownVerb}' is not a rulegen command; the commands are {string.Join(", ", root.Subcommands.Select(command => command.Name))}.");
    }
    else
    {
        foreach (System.CommandLine.Parsing.ParseError parseError in parseResult.Errors)
        {
            Console.Error.WriteLine($"error: {parseError.Message}");
        }
    }

    // At most two edits, and fewer than half the typed word, so that an unrelated word gets no suggestion.
    int limit = unknownVerb is null ? 0 : Math.Min(2, (unknownVerb.Length - 1) / 2);
    if (unknownVerb is not null && RuleGen.Eql.Schema.EditDistance.Closest(unknownVerb, root.Subcommands.Select(command => command.Name), limit) is { } suggestion)
    {
        Console.Error.WriteLine($"Did you mean 'rulegen {suggestion}'?");
    }

    string verb = parseResult.CommandResult.Command == root ? string.Empty : " " + parseResult.CommandResult.Command.Name;
    Console.Error.WriteLine($"Run 'rulegen{verb} --help' for the options.");
    return 2;
}

return parseResult.Invoke();
