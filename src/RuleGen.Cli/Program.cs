using System;
using System.CommandLine;
using RuleGen.Cli.Check;

var pathsArgument = new Argument<string[]>("paths")
{
    Description = ".eql files, folders (searched for .eql and .ndjson files) and Kibana rule exports (.ndjson, one rule object per line).",
    Arity = ArgumentArity.OneOrMore,
};
var schemaOption = new Option<string[]>("--schema")
{
    Description = "A custom field schema to add to ECS: a flat JSON object of field names to Elasticsearch types, or an Elasticsearch mapping. Repeat for several.",
    AllowMultipleArgumentsPerToken = false,
};
var check = new Command("check", "Checks EQL rules against the Elastic Common Schema and custom schemas, without a C# project. Exits with 1 when a rule has an error.")
{
    pathsArgument,
    schemaOption,
};
check.SetAction(parseResult => CheckCommand.Run(
    parseResult.GetValue(pathsArgument) ?? Array.Empty<string>(),
    parseResult.GetValue(schemaOption) ?? Array.Empty<string>(),
    Console.Out,
    Console.Error));

var root = new RootCommand("rulegen: the RuleGen command-line tool for EQL detection rules.")
{
    check,
};

return root.Parse(args).Invoke();
