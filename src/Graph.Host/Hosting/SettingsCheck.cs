using System.Reflection;
using Graph.Api;
using Graph.Api.Http;
using Graph.EventStore.Postgres;
using Graph.EventStore.Sqlite;
using Graph.Grains.Actors;
using Graph.Host.Import;
using Graph.Host.Security;
using Graph.Neo4j.Client;
using Graph.Projection;
using Orleans.Configuration;

namespace Graph.Host.Hosting;

/// <summary>
/// Reads every settings section the service binds before anything starts, so a value of the wrong type (a word where a
/// number goes, a misspelt choice, which is answered with the choices) is reported by its setting and value alone, not as the host's start-up failure with
/// the configuration binder's stack trace.
/// </summary>
public static class SettingsCheck
{
    private static readonly (string Section, Type Options)[] Sections =
    [
        (GraphOptions.SectionName, typeof(GraphOptions)),
        (OrleansOptions.SectionName, typeof(OrleansOptions)),
        (GraphHostingExtensions.ClusterMembershipSection, typeof(ClusterMembershipOptions)),
        (GraphHostingExtensions.GatewaySection, typeof(GatewayOptions)),
        (SqliteEventStoreOptions.SectionName, typeof(SqliteEventStoreOptions)),
        (PostgresEventStoreOptions.SectionName, typeof(PostgresEventStoreOptions)),
        (ProjectionOptions.SectionName, typeof(ProjectionOptions)),
        (Neo4jOptions.SectionName, typeof(Neo4jOptions)),
        (GraphApiOptions.SectionName, typeof(GraphApiOptions)),
        (GraphQLHttpOptions.SectionName, typeof(GraphQLHttpOptions)),
        (ImportLimits.SectionName, typeof(ImportLimits)),
        (ActorLimits.SectionName, typeof(ActorLimits)),
        (AuthOptions.SectionName, typeof(AuthOptions)),
        (RateLimitOptions.SectionName, typeof(RateLimitOptions)),
    ];

    /// <exception cref="SettingsException">A setting's value cannot be read as its type.</exception>
    public static void Check(IConfiguration configuration)
    {
        foreach (var (section, options) in Sections)
        {
            var settings = configuration.GetSection(section);
            foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (type.IsEnum && settings[property.Name] is { Length: > 0 } value
                    && !(Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed)))
                {
                    throw new SettingsException($"{section}:{property.Name} is '{value}'; it must be one of {string.Join(", ", Enum.GetNames(type))}.");
                }
            }

            try
            {
                settings.Get(options);
            }
            catch (InvalidOperationException unreadable) when (unreadable.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
            {
                // "Failed to convert configuration value 'abc' at 'Projection:BatchSize' to type 'System.Int32'.", and why.
                throw new SettingsException(unreadable.InnerException is { } why ? $"{unreadable.Message} {why.Message}" : unreadable.Message);
            }
        }
    }
}
