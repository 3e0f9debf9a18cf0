using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace Graph.Host.Export;

/// <summary>
/// Kumu's spreadsheet import (also any spreadsheet): <c>elements.csv</c> and <c>connections.csv</c>, each with
/// <c>ID</c> as its first column so connections name their ends by id and two actors of one name stay two, as a ZIP
/// over HTTP or a folder of the two files from the command line. Several values in one cell are separated by
/// <c>|</c>, as Kumu reads them.
/// </summary>
public static class KumuExporter
{
    public const string Elements = "elements.csv";
    public const string Connections = "connections.csv";

    /// <summary>
    /// A ZIP of the two files. The archive writes synchronously, which a response refuses, so it is built in a
    /// temporary file (memory stays bounded) and then copied out.
    /// </summary>
    public static async Task WriteZipAsync(Stream output, GraphExportModel model, CancellationToken cancellationToken)
    {
        await using var buffer = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var elements = zip.CreateEntry(Elements, CompressionLevel.Fastest).Open())
            {
                await WriteElementsAsync(elements, model, cancellationToken);
            }

            await using (var connections = zip.CreateEntry(Connections, CompressionLevel.Fastest).Open())
            {
                await WriteConnectionsAsync(connections, model, cancellationToken);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    /// <summary>The two files into a folder, created when missing.</summary>
    public static async Task WriteFolderAsync(string folder, GraphExportModel model, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await using (var elements = File.Create(Path.Combine(folder, Elements)))
        {
            await WriteElementsAsync(elements, model, cancellationToken);
        }

        await using (var connections = File.Create(Path.Combine(folder, Connections)))
        {
            await WriteConnectionsAsync(connections, model, cancellationToken);
        }
    }

    private static async Task WriteElementsAsync(Stream output, GraphExportModel model, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "ID", "Label", "Type", "Kind", "Description", "Tags", "Said on", "Quote", "URL", "Publisher", "Parent" })
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var node in model.NodesAsync(cancellationToken))
        {
            csv.WriteField(node.Id);
            csv.WriteField(node.Label);
            csv.WriteField(node.Type);
            csv.WriteField(node.Kind);
            csv.WriteField(node.Summary);
            csv.WriteField(node.Aliases?.Replace("; ", "|", StringComparison.Ordinal));
            csv.WriteField(node.SaidOn?.ToString());
            csv.WriteField(node.Quote);
            csv.WriteField(node.Url);
            csv.WriteField(node.Publisher);
            csv.WriteField(node.Parent);
            await csv.NextRecordAsync();
        }
    }

    private static async Task WriteConnectionsAsync(Stream output, GraphExportModel model, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "ID", "From", "To", "Type", "Kind", "Strength", "Said on", "First said on", "Last said on" })
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        var number = 0;
        await foreach (var edge in model.EdgesAsync(cancellationToken))
        {
            csv.WriteField("e" + (++number).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(edge.Source);
            csv.WriteField(edge.Target);
            csv.WriteField(edge.Role);
            csv.WriteField(edge.KindName);
            csv.WriteField(edge.Weight?.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(edge.Weight is null ? edge.FirstSaidOn?.ToString() : null);
            csv.WriteField(edge.Weight is null ? null : edge.FirstSaidOn?.ToString());
            csv.WriteField(edge.Weight is null ? null : edge.LastSaidOn?.ToString());
            await csv.NextRecordAsync();
        }
    }
}
