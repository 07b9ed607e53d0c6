using System.Collections.Generic;

namespace RuleGen.Generators.Emit;

/// <summary>Writes the <c>IDetector</c> interface and the <c>Detectors</c> registry of a project's rules.</summary>
internal static class RegistryEmitter
{
    /// <param name="access">The event type the detectors read; <see cref="EventAccess.Ecs"/> when null.</param>
    public static string Emit(string namespaceName, IReadOnlyList<string> classNames, EventAccess? access = null)
    {
        access ??= EventAccess.Ecs;
        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        writer.Line($"namespace {namespaceName};");
        writer.Line();
        writer.Line("/// <summary>A compiled detection rule. Each instance keeps its own sequence state.</summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("internal interface IDetector"))
        {
            writer.Line("/// <summary>The rule's metadata.</summary>");
            writer.Line("global::RuleGen.RuleInfo Rule { get; }");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// Feeds one event to the rule and adds an alert to <paramref name=\"alerts\"/> for each match it completes.");
            writer.Line("/// Events must arrive in time order; an event query allocates nothing unless it matches.");
            writer.Line("/// </summary>");
            writer.Line($"void Process({access.TypeName} e, global::System.Collections.Generic.ICollection<{access.AlertType}> alerts);");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// Tells the rule that time has reached <paramref name=\"now\"/> without events: expired partial matches are");
            writer.Line("/// dropped, and matches that waited for a trailing missing-event window that has now closed are added to");
            writer.Line("/// <paramref name=\"alerts\"/>. Call it on a timer when events can stop for longer than a maxspan.");
            writer.Line("/// </summary>");
            writer.Line($"void AdvanceTime(global::System.DateTimeOffset now, global::System.Collections.Generic.ICollection<{access.AlertType}> alerts);");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// Ends the stream: matches still waiting for a trailing missing-event window, and the alerts a tail pipe");
            writer.Line("/// kept, are added to <paramref name=\"alerts\"/>.");
            writer.Line("/// </summary>");
            writer.Line($"void Flush(global::System.Collections.Generic.ICollection<{access.AlertType}> alerts);");
            writer.Line();
            writer.Line("/// <summary>Forgets every pending partial match, as at the start of a new stream.</summary>");
            writer.Line("void Reset();");
        }

        writer.Line();
        writer.Line("/// <summary>Every detector compiled from this project's .eql files.</summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("internal static class Detectors"))
        {
            writer.Line("/// <summary>The number of rules compiled into this project.</summary>");
            writer.Line($"public const int Count = {classNames.Count};");
            writer.Line();
            writer.Line("/// <summary>Creates a fresh instance of every detector, ordered by class name.</summary>");
            using (writer.Block("public static IDetector[] CreateAll()"))
            {
                if (classNames.Count == 0)
                {
                    writer.Line("return global::System.Array.Empty<IDetector>();");
                }
                else
                {
                    writer.Line("return new IDetector[]");
                    writer.Line("{");
                    writer.Indent();
                    foreach (string className in classNames)
                    {
                        writer.Line($"new {className}(),");
                    }

                    writer.Unindent();
                    writer.Line("};");
                }
            }
        }

        return writer.ToString();
    }
}
