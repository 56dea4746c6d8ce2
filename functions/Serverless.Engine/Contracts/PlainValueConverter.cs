using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serverless.Engine.Contracts;

/// <summary>
/// Reads JSON into the engine's plain value model (null, bool, long, double, string, lists and
/// insertion-ordered maps) instead of <see cref="JsonElement"/>, and writes plain values back.
/// </summary>
/// <remarks>
/// Put on every <c>object?</c> member of a wire contract: it travels with the type, so payloads round-trip the
/// same way whatever serializer options the host (embedded or Azure Functions) uses.
/// </remarks>
public sealed class PlainValueConverter : JsonConverter<object?>
{
    public override bool HandleNull => true;

    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return PlainValues.FromJson(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options) =>
        PlainValues.WriteJson(writer, value);
}

/// <summary>A dictionary of plain values, for contract members such as outputs and variables.</summary>
public sealed class PlainDictionaryConverter : JsonConverter<IReadOnlyDictionary<string, object?>?>
{
    public override bool HandleNull => true;

    public override IReadOnlyDictionary<string, object?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return PlainValues.FromJson(document.RootElement) as IReadOnlyDictionary<string, object?>;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?>? value, JsonSerializerOptions options) =>
        PlainValues.WriteJson(writer, value);
}
