using System.Globalization;
using Spectre.Console;

namespace Graph.Host.Import;

/// <summary>Progress as a live bar on a terminal: how far through the input, the rate, and the time left.</summary>
public sealed class TerminalProgress(ProgressContext context) : IImportProgress
{
    private readonly Dictionary<string, (ProgressTask Task, DateTime Started)> _phases = [];

    public void Report(string phase, int records, double? fraction)
    {
        if (!_phases.TryGetValue(phase, out var task))
        {
            _phases[phase] = task = (context.AddTask(phase, maxValue: 1), DateTime.UtcNow);
        }

        var rate = records / Math.Max((DateTime.UtcNow - task.Started).TotalSeconds, 0.001);
        task.Task.Description = string.Create(CultureInfo.InvariantCulture, $"{phase}: {records:N0} records, {rate:N0}/s");
        task.Task.Value = fraction ?? 0;
    }

    /// <summary>Runs an import under a live progress display.</summary>
    public static Task<T> RunAsync<T>(Func<IImportProgress, Task<T>> import) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => import(new TerminalProgress(context)));
}
