using System.Diagnostics;
using System.Globalization;

namespace Graph.Host.Import;

/// <summary>Progress as plain lines, at most every two seconds, for output that is not a terminal.</summary>
public sealed class LineProgress(TextWriter output) : IImportProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastLine = TimeSpan.FromSeconds(-10);
    private string? _phase;

    public void Report(string phase, int records, double? fraction)
    {
        if (phase != _phase)
        {
            _phase = phase;
            _clock.Restart();
            _lastLine = TimeSpan.FromSeconds(-10);
        }

        var elapsed = _clock.Elapsed;
        if (elapsed - _lastLine < TimeSpan.FromSeconds(2) && fraction is not 1)
        {
            return;
        }

        _lastLine = elapsed;
        var rate = records / Math.Max(elapsed.TotalSeconds, 0.001);
        var left = fraction is > 0 and < 1 ? $", about {elapsed.TotalSeconds * (1 - fraction.Value) / fraction.Value:0} s left" : "";
        var done = fraction is { } f ? $", {f * 100:0}% of the input" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase}: {records:N0} records ({rate:N0}/s){done}{left}"));
    }
}
