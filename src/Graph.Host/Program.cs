using Graph.Host.Commands;

return await GraphCommandLine.Create().Parse(args).InvokeAsync();

/// <summary>The service's entry point; public so end-to-end tests can host it.</summary>
public partial class Program;
