using System.Text.Json;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.People;
using Graph.Abstractions.Statements;

namespace Graph.Abstractions.Records;

/// <summary>
/// One record of the JSON Lines format the sample data comes in: an organisation, a person or a statement, written as
/// the command that records it, with a <c>"type"</c> of <c>organisation</c>, <c>person</c> or <c>statement</c>.
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
            "organisation" => new OrganisationRecord(document.Deserialize<CreateOrganisation>(options)!),
            "person" => new PersonRecord(document.Deserialize<CreatePerson>(options)!),
            "statement" => new StatementRecord(document.Deserialize<RecordStatement>(options)!),
            var other => throw new JsonException($"\"{other}\" is not a record type; use organisation, person or statement."),
        };
    }

    /// <summary>Records it through its grain.</summary>
    public abstract Task<WriteReceipt> SendAsync(IGrainFactory grains);
}
