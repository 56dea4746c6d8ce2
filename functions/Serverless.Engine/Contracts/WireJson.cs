using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serverless.Engine.Contracts;

/// <summary>
/// The fixed JSON options of the wire contract and of the Kestra-shaped API: camelCase, enums as names,
/// nulls kept. Changing them changes in-flight histories, so they change only with a migration.
/// </summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
