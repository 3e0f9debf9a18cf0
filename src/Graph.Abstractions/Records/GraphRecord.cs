using System.Text.Json;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.People;
using Graph.Abstractions.Statements;

namespace Graph.Abstractions.Records;

/// <summary>
/// One record of the JSON Lines import format (the sample data's too): an organisation, a person or a statement,
/// written as the command that records it, with a <c>"type"</c> of <c>organisation</c>, <c>person</c> or
/// <c>statement</c>; a statement may carry its <c>"retraction"</c>, and an actor <c>"upsert": true</c> to state it as it
/// should now be, whether it exists or not.
/// </summary>
public abstract record GraphRecord
{
    /// <summary>Reads one line, throwing <see cref="JsonException"/> with the reason when it is not a record.</summary>
    public static GraphRecord Parse(string line, JsonSerializerOptions options)
    {
        using var document = JsonDocument.Parse(line);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("A record is a JSON object with a \"type\" of organisation, person or statement.");
        }

        return type.GetString() switch
        {
            "organisation" => new OrganisationRecord(document.Deserialize<CreateOrganisation>(options)!, Upsert(document.RootElement)),
            "person" => new PersonRecord(document.Deserialize<CreatePerson>(options)!, Upsert(document.RootElement)),
            "statement" => new StatementRecord(
                Finite(document.Deserialize<RecordStatement>(options)!),
                document.RootElement.TryGetProperty("retraction", out var retraction) && retraction.ValueKind == JsonValueKind.Object
                    ? document.RootElement.GetProperty("retraction").Deserialize<StatementRetraction>(options)
                    : null),
            var other => throw new JsonException($"\"{other}\" is not a record type; use organisation, person or statement."),
        };
    }

    /// <summary>Whether an actor's record says <c>"upsert": true</c>: it states the actor as it should now be.</summary>
    private static bool Upsert(JsonElement record) =>
        record.TryGetProperty("upsert", out var upsert) && upsert.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw new JsonException("\"upsert\" is true or false.", "$.upsert", null, null),
        };

    /// <summary>
    /// Refuses a confidence that is not a finite number: JSON's Web defaults read "NaN" and "Infinity" from strings,
    /// and 1e400 overflows to infinity, none of which can be written back as JSON.
    /// </summary>
    private static RecordStatement Finite(RecordStatement statement) =>
        statement.Confidence is { } confidence && !double.IsFinite(confidence)
            ? throw new JsonException($"Confidence must be a number between 0 and 1, not {confidence}.", "$.confidence", null, null)
            : statement;

    /// <summary>The id the record is written under: its own, or one generated.</summary>
    public abstract string? Id { get; }

    /// <summary>Records it through its grain (or, in a dry run, only checks that it would be accepted).</summary>
    public abstract Task<WriteReceipt> SendAsync(IGrainFactory grains, bool dryRun = false);
}
