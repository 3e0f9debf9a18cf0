using System.Text.Json;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.People;
using Graph.Abstractions.Statements;
using Graph.EventStore;
using Graph.Projection;
using Microsoft.Extensions.Options;

namespace Graph.Host.SampleData;

/// <summary>
/// On first start, with an empty log, records the sample data (the statements of a GeekWire article on Amazon's
/// moratorium on police use of Rekognition) so a newcomer can query at once.
/// </summary>
public sealed partial class SampleDataLoader(
    IEventStore events,
    IGrainFactory grains,
    Projector projector,
    IOptions<SampleDataOptions> options,
    ILogger<SampleDataLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.LoadSampleData || events.HeadPosition > 0)
        {
            return;
        }

        using var stream = typeof(SampleDataLoader).Assembly.GetManifestResourceStream("sample-data.jsonl")
            ?? throw new InvalidOperationException("The sample data is not embedded in the host.");
        using var reader = new StreamReader(stream);
        var position = 0L;
        var count = 0;
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var receipt = await RecordAsync(line, lineNumber);
            position = Math.Max(position, receipt.Position);
            count++;
        }

        await projector.WaitForAsync(position, cancellationToken);
        LogLoaded(count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task<WriteReceipt> RecordAsync(string line, int lineNumber)
    {
        using var document = JsonDocument.Parse(line);
        var type = document.RootElement.GetProperty("type").GetString();
        var options = EventSerializer.Options;
        return type switch
        {
            "organisation" => document.Deserialize<CreateOrganisation>(options) is { } o
                ? grains.GetGrain<IOrganisationGrain>(o.Id!).CreateAsync(o)
                : throw Invalid(lineNumber),
            "person" => document.Deserialize<CreatePerson>(options) is { } p
                ? grains.GetGrain<IPersonGrain>(p.Id!).CreateAsync(p)
                : throw Invalid(lineNumber),
            "statement" => document.Deserialize<RecordStatement>(options) is { } s
                ? grains.GetGrain<IStatementGrain>(s.Id!).RecordAsync(s)
                : throw Invalid(lineNumber),
            _ => throw Invalid(lineNumber),
        };
    }

    private static InvalidOperationException Invalid(int lineNumber) =>
        new($"Line {lineNumber} of the sample data is not an organisation, person or statement record.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} sample records into the empty store")]
    private partial void LogLoaded(int count);
}
