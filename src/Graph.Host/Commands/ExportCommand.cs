using Graph.Host.Export;
using Graph.Projection.Reading;

namespace Graph.Host.Commands;

/// <summary><c>export</c>: writes the store, or the statements a filter matches, as JSON Lines that import as they are.</summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(
        StatementFilter? filter, string format, ExportShape shape, string? outFile, IReadOnlyList<string> hostArgs, TextWriter output, TextWriter errors,
        CancellationToken cancellationToken)
    {
        using var host = await CommandHost.StartReaderAsync(hostArgs, errors, cancellationToken);
        if (host is null)
        {
            return 1;
        }

        // The actor may be named as GraphQL takes it: by id, name or alias.
        if (filter?.ActorId is { } actor)
        {
            var (id, unknown) = await ExportActors.ResolveAsync(host.Services.GetRequiredService<IGraphReader>(), actor, cancellationToken);
            if (unknown is not null)
            {
                errors.WriteLine($"--actor: {unknown}");
                await host.StopAsync(CancellationToken.None);
                return 2;
            }

            filter = filter with { ActorId = id };
        }

        if (format == "kumu")
        {
            try
            {
                if (outFile is null)
                {
                    errors.WriteLine("--format kumu writes a folder of elements.csv and connections.csv: give it with --out.");
                    return 2;
                }

                await KumuExporter.WriteFolderAsync(outFile, new GraphExportModel(host.Services.GetRequiredService<IGraphReader>(), filter, shape), cancellationToken);
                errors.WriteLine($"Exported {KumuExporter.Elements} and {KumuExporter.Connections} to {outFile}.");
                return 0;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }

        if (GraphFormats.All.TryGetValue(format, out var graphFormat))
        {
            try
            {
                await using var stream = outFile is null ? Console.OpenStandardOutput() : File.Create(outFile);
                await graphFormat.Write(stream, new GraphExportModel(host.Services.GetRequiredService<IGraphReader>(), filter, shape), cancellationToken);
                if (outFile is not null)
                {
                    errors.WriteLine($"Exported the graph ({shape.ToString().ToLowerInvariant()} shape) to {outFile}.");
                }

                return 0;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }

        var writer = outFile is null ? output : new StreamWriter(outFile);
        try
        {
            var lines = 0;
            await foreach (var line in new GraphExporter(host.Services.GetRequiredService<IGraphReader>()).ExportAsync(filter, cancellationToken))
            {
                await writer.WriteLineAsync(line);
                lines++;
            }

            if (outFile is not null)
            {
                errors.WriteLine($"Exported {lines} records to {outFile}.");
            }
        }
        finally
        {
            if (outFile is not null)
            {
                await writer.DisposeAsync();
            }

            await host.StopAsync(CancellationToken.None);
        }

        return 0;
    }
}
