namespace Graph.Host.Hosting;

/// <summary>A setting with a value the service cannot use: reported by its message alone, which names the setting.</summary>
public sealed class SettingsException(string message) : Exception(message);
