using Graph.Api;
using Graph.Host.Hosting;
using Graph.Host.SampleData;
using Graph.Host.Security;

namespace Graph.Host.Commands;

/// <summary><c>serve</c> (the default): runs the service.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Settings and assets come from beside the binary, whatever the working directory; data goes under the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        SettingsCheck.Check(builder.Configuration);
        builder.UseDefaultUrlsUnlessConfigured();
        var role = GraphHostingExtensions.Role(builder.Configuration);
        builder.AddGraphTelemetry(role);
        if (role == ServiceRole.Silo)
        {
            // The grains alone: HTTP serves health, metrics and the version, nothing a client could query or write through.
            builder.AddGraphSiloStorage();
            builder.AddGraphSilo();
            var silo = CommandHost.OpenLog(builder.Build());
            silo.MapGraphHealth();
            silo.MapGraphMetrics(adminOnly: false);
            await silo.RunAsync();
            return 0;
        }

        builder.AddGraphSecurity();
        builder.AddGraphRateLimits();
        builder.AddGraphStorage(readOnlyLog: role == ServiceRole.Api);
        if (role == ServiceRole.Api)
        {
            builder.AddGraphClusterClient();
        }
        else
        {
            builder.AddGraphSilo();
        }

        builder.AddGraphApi();
        builder.AddSampleData();

        var app = CommandHost.OpenLog(builder.Build());
        app.LogAccess();

        // In every environment, Development included, a failure is logged and the client learns only that it happened.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
            ExceptionHandler = context => context.Response.WriteAsJsonAsync(new { error = "The server failed to answer this request; the failure is logged." }),
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapGraphApi().RequireRateLimiting(RateLimits.PolicyName);
        app.MapGraphHealth();
        app.MapGraphMetrics(adminOnly: true);
        if (builder.Configuration.GetValue<bool>("Orleans:Dashboard"))
        {
            app.MapGraphDashboard();
        }
        app.MapGraphTransfer();
        await app.RunAsync();
        return 0;
    }
}
