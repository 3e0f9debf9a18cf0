using System.ComponentModel.DataAnnotations;

namespace Graph.Host.Import;

/// <summary>How much one import may send (configuration section <c>Import</c>).</summary>
public sealed class ImportLimits
{
    public const string SectionName = "Import";

    /// <summary>The largest body <c>POST /import</c> reads; a larger one is refused with 413.</summary>
    [Range(1_024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 1L << 30;

    /// <summary>The longest line (one record) an import reads, over HTTP or from a file.</summary>
    [Range(256, 1 << 30)]
    public int MaxLineBytes { get; set; } = 1 << 20;
}

/// <summary>A line of an import is longer than <see cref="ImportLimits.MaxLineBytes"/>; nothing after it was read.</summary>
public sealed class LineTooLongException(string source, int line, int limit)
    : Exception($"Line {line} is longer than {limit} bytes, the most one record may take (Import:MaxLineBytes); nothing from it on was read.")
{
    public string File { get; } = source;

    public int Line { get; } = line;
}
