using System.Text.Json;
using Graph.Abstractions.Statements;
using Graph.Host.Export;
using Graph.Host.Import;
using Graph.Projection;
using Graph.Projection.Reading;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Graph.Host.Hosting;

/// <summary>
/// Bulk import and export over HTTP: <c>POST /import</c> takes JSON Lines (open to whoever may send mutations), and
/// <c>GET /export</c> streams them.
/// </summary>
public static class TransferEndpoints
{
    public const string JsonLinesMediaType = "application/x-ndjson";

    /// <summary>The JSON the import report travels in.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static WebApplication MapGraphTransfer(this WebApplication app)
    {
        app.MapPost("/import", ImportAsync).DisableAntiforgery().RequireAuthorization(Api.Http.GraphRoles.Editor).RequireRateLimiting(Security.RateLimits.PolicyName);
        app.MapGet("/export", ExportAsync).RequireAuthorization(Api.Http.GraphRoles.Reader).RequireRateLimiting(Security.RateLimits.PolicyName);
        return app;
    }

    private static async Task<IResult> ImportAsync(
        HttpContext context, IGrainFactory grains, Projector projector, IOptions<ImportLimits> limits, bool? dryRun, bool? allOrNothing)
    {
        // Like GraphQL POSTs, only a content type a browser form cannot send, so another site cannot import for a visitor.
        if (context.Request.ContentType?.Split(';')[0].Trim() is not (JsonLinesMediaType or "application/jsonl" or "application/x-jsonlines"))
        {
            return Results.Json(
                new { error = $"Send the records as JSON Lines, with Content-Type {JsonLinesMediaType}; this request is '{context.Request.ContentType ?? "without a content type"}'." },
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        // An import is as large as the data, within its own limit rather than the GraphQL endpoint's; Kestrel stops
        // a body that turns out larger than it said, or than the limit when it said nothing.
        var (maxBody, maxLine) = (limits.Value.MaxBodyBytes, limits.Value.MaxLineBytes);
        if (context.Request.ContentLength > maxBody)
        {
            return BodyTooLarge(maxBody);
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBody;
        }

        var options = new ImportOptions(dryRun ?? false, allOrNothing ?? false);
        var importer = new GraphImporter(grains);
        ImportReport report;
        var buffer = options.DryRun || options.AllOrNothing ? Path.GetTempFileName() : null;
        try
        {
            if (buffer is not null)
            {
                // Checking first reads the records twice, so they wait in a temporary file meanwhile.
                await using (var file = File.Create(buffer))
                {
                    await context.Request.Body.CopyToAsync(file, context.RequestAborted);
                }

                report = await importer.ImportAsync(JsonLinesSource.FromFile(buffer, maxLine), options, NoProgress.Instance, context.RequestAborted);
            }
            else
            {
                report = await importer.ImportAsync(new JsonLinesSource("request", () => context.Request.Body, maxLine), options, NoProgress.Instance, context.RequestAborted);
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return BodyTooLarge(maxBody);
        }
        catch (LineTooLongException tooLong)
        {
            return Results.Json(new { error = tooLong.Message }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        finally
        {
            if (buffer is not null)
            {
                File.Delete(buffer);
            }
        }

        report = report with { Problems = [.. report.Problems.Select(p => p with { Source = "request" })] };
        try
        {
            // Like a mutation, the answer comes once the graph shows what was written, within the same bound.
            await projector.WaitForAsync(report.Position, context.RequestAborted);
        }
        catch (ProjectionTimeoutException)
        {
            // The records are safe in the log; the graph shows them once it catches up.
        }

        return Results.Json(report, Json, statusCode: report.Refused ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    private static IResult BodyTooLarge(long limit) => Results.Json(
        new { error = $"The request body is larger than the {limit} bytes an import may send (Import:MaxBodyBytes); nothing was written." },
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static async Task ExportAsync(HttpContext context, IGraphReader reader)
    {
        var query = context.Request.Query;
        var format = query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "jsonl";
        var shape = query["shape"].ToString() is { Length: > 0 } sh ? sh.ToLowerInvariant() : "statements";
        if ((format != "jsonl" && !GraphFormats.All.ContainsKey(format)) || shape is not ("statements" or "actors") || (format == "jsonl" && shape != "statements"))
        {
            await Results.BadRequest(new
            {
                error = $"format is {GraphFormats.Described}; shape, for a graph format, is statements "
                    + $"(the default: statements, sources and topics as nodes, roles as edges) or actors (one weighted edge per kind between "
                    + $"two actors). This request asked for format '{format}' and shape '{shape}'.",
            }).ExecuteAsync(context);
            return;
        }

        StatementFilter? filter = null;
        if (query.Keys.Any(k => k is not ("format" or "shape")))
        {
            var kinds = Values(query["kinds"]).Select(k => Enum.TryParse<StatementKind>(k.Replace("_", "", StringComparison.Ordinal), true, out var kind) ? kind : (StatementKind?)null).ToList();
            if (kinds.Any(k => k is null))
            {
                await Results.BadRequest(new { error = "kinds must be statement kinds such as APPEAL or CRITICISE, separated by commas." }).ExecuteAsync(context);
                return;
            }

            if (!TryDate(query["saidFrom"], out var from, out var problem) || !TryDate(query["saidTo"], out var to, out problem))
            {
                await Results.BadRequest(new { error = problem }).ExecuteAsync(context);
                return;
            }

            string? actorId = null;
            if (query["actor"].ToString() is { Length: > 0 } actor)
            {
                (actorId, var unknown) = await ExportActors.ResolveAsync(reader, actor, context.RequestAborted);
                if (unknown is not null)
                {
                    await Results.BadRequest(new { error = unknown }).ExecuteAsync(context);
                    return;
                }
            }

            filter = new StatementFilter(
                Kinds: kinds.Count == 0 ? null : [.. kinds.Select(k => k!.Value)],
                ActorId: actorId,
                SaidFrom: from?.Start,
                SaidTo: to?.End,
                IncludeRetracted: true);
        }

        if (GraphFormats.All.TryGetValue(format, out var graphFormat))
        {
            context.Response.ContentType = graphFormat.ContentType;
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"graph-{shape}.{graphFormat.Extension}\"";
            var model = new GraphExportModel(reader, filter, shape == "actors" ? ExportShape.Actors : ExportShape.Statements);
            await graphFormat.Write(context.Response.Body, model, context.RequestAborted);
            return;
        }

        context.Response.ContentType = JsonLinesMediaType + "; charset=utf-8";
        await foreach (var line in new GraphExporter(reader).ExportAsync(filter, context.RequestAborted))
        {
            await context.Response.WriteAsync(line + "\n", context.RequestAborted);
        }
    }

    private static bool TryDate(StringValues value, out PartialDate? date, out string? problem)
    {
        date = null;
        problem = null;
        if (StringValues.IsNullOrEmpty(value))
        {
            return true;
        }

        if (PartialDate.TryParse(value.ToString(), out var parsed, out problem))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    private static IEnumerable<string> Values(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private sealed class NoProgress : IImportProgress
    {
        public static NoProgress Instance { get; } = new();

        public void Report(string phase, int records, double? fraction)
        {
        }
    }
}
