using System;
using System.Collections.Generic;
using System.Reflection;
using RuleGen.Ecs;

namespace RuleGen.Cli.Compilation;

/// <summary>
/// A detector compiled in memory. Each compilation generates its own internal <c>IDetector</c> interface, which
/// this assembly cannot name, so the members are bound once as delegates and then called without reflection.
/// </summary>
internal sealed class LoadedDetector
{
    private readonly Action<EcsEvent, ICollection<Alert>> process;
    private readonly Action<DateTimeOffset, ICollection<Alert>> advanceTime;
    private readonly Action<ICollection<Alert>> flush;
    private readonly Action reset;

    public LoadedDetector(object detector)
    {
        Type type = detector.GetType();
        Rule = (RuleInfo)Method(type, "get_Rule").Invoke(detector, null)!;
        process = Method(type, "Process").CreateDelegate<Action<EcsEvent, ICollection<Alert>>>(detector);
        advanceTime = Method(type, "AdvanceTime").CreateDelegate<Action<DateTimeOffset, ICollection<Alert>>>(detector);
        flush = Method(type, "Flush").CreateDelegate<Action<ICollection<Alert>>>(detector);
        reset = Method(type, "Reset").CreateDelegate<Action>(detector);
    }

    public RuleInfo Rule { get; }

    public void Process(EcsEvent e, ICollection<Alert> alerts) => process(e, alerts);

    public void AdvanceTime(DateTimeOffset now, ICollection<Alert> alerts) => advanceTime(now, alerts);

    public void Flush(ICollection<Alert> alerts) => flush(alerts);

    public void Reset() => reset();

    private static MethodInfo Method(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance)
        ?? throw new InvalidOperationException($"The generated detector {type.FullName} has no public method {name}; the generator and the command are out of step.");
}
