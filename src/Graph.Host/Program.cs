using Graph.Api;
using Graph.Host.Hosting;
using Graph.Host.SampleData;

// Settings and assets come from beside the binary, whatever the working directory; data goes under the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddGraphStorage();
builder.AddGraphSilo();
builder.AddGraphApi();
builder.AddSampleData();

var app = builder.Build();
app.MapGraphApi();
app.MapGraphHealth();
app.Run();

/// <summary>The service's entry point; public so end-to-end tests can host it.</summary>
public partial class Program;
