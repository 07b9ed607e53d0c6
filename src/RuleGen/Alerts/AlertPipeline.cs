using System;
using System.Collections.Generic;

namespace RuleGen;

/// <summary>
/// Applies a rule's pipes to its alerts, in the order written. <c>head N</c> passes the first N alerts and drops
/// the rest; <c>tail N</c> keeps the last N and passes them on when the stream is flushed, because only then is
/// it known which alerts are last.
/// </summary>
/// <typeparam name="TAlert">The alert type: <see cref="Alert"/>, or <see cref="Alert{TEvent}"/> for a project's own event type.</typeparam>
public sealed class AlertPipeline<TAlert>
    where TAlert : class
{
    private readonly Step[] steps;

    /// <param name="pipes">Each pipe as its name ("head" or "tail") and its count, in the order written.</param>
    public AlertPipeline(params (string Name, int Count)[] pipes)
    {
        steps = new Step[pipes.Length];
        for (int i = 0; i < pipes.Length; i++)
        {
            (string name, int count) = pipes[i];
            if (count <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(pipes), count, $"The pipe '{name}' needs a count greater than zero.");
            }

            steps[i] = name switch
            {
                "head" => new Step(isHead: true, count),
                "tail" => new Step(isHead: false, count),
                _ => throw new ArgumentException($"Unknown pipe '{name}'; the pipes are head and tail.", nameof(pipes)),
            };
        }
    }

    /// <summary>Passes a new alert through the pipes; what comes out is added to <paramref name="alerts"/>.</summary>
    public void Offer(TAlert alert, ICollection<TAlert> alerts) => Offer(0, alert, alerts);

    /// <summary>Ends the stream: each tail releases what it kept, through the pipes after it.</summary>
    public void Flush(ICollection<TAlert> alerts)
    {
        for (int i = 0; i < steps.Length; i++)
        {
            if (steps[i].IsHead)
            {
                continue;
            }

            TAlert[] released = steps[i].Kept.ToArray();
            steps[i].Kept.Clear();
            foreach (TAlert alert in released)
            {
                Offer(i + 1, alert, alerts);
            }
        }
    }

    public void Reset()
    {
        foreach (Step step in steps)
        {
            step.Passed = 0;
            step.Kept.Clear();
        }
    }

    private void Offer(int from, TAlert alert, ICollection<TAlert> alerts)
    {
        for (int i = from; i < steps.Length; i++)
        {
            Step step = steps[i];
            if (step.IsHead)
            {
                if (step.Passed >= step.Count)
                {
                    return;
                }

                step.Passed++;
                continue;
            }

            step.Kept.Enqueue(alert);
            if (step.Kept.Count > step.Count)
            {
                step.Kept.Dequeue();
            }

            return;
        }

        alerts.Add(alert);
    }

    private sealed class Step
    {
        public Step(bool isHead, int count)
        {
            IsHead = isHead;
            Count = count;
        }

        public bool IsHead { get; }

        public int Count { get; }

        public int Passed { get; set; }

        public Queue<TAlert> Kept { get; } = new();
    }
}
