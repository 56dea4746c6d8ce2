using System.Text;
using Azure.Data.Tables;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Records;

/// <summary>
/// Long text in table entities: a string property holds at most 64 KiB (32 Ki UTF-16 characters) and an
/// entity at most 1 MiB, so text is split over <c>Json0</c>, <c>Json1</c>… up to <see cref="MaxChunks"/>.
/// </summary>
internal static class TableChunks
{
    public const int ChunkChars = 30_000;
    public const int MaxChunks = 15;

    public static void Write(TableEntity entity, string text)
    {
        if (text.Length > ChunkChars * MaxChunks)
        {
            throw new InvalidOperationException(
                $"The execution record is {text.Length} characters; table records hold at most {ChunkChars * MaxChunks}.");
        }

        var count = 0;
        for (var offset = 0; offset < text.Length; offset += ChunkChars, count++)
        {
            entity["Json" + count] = text.Substring(offset, Math.Min(ChunkChars, text.Length - offset));
        }

        entity["JsonChunks"] = count;
    }

    public static bool Fits(string text) => text.Length <= ChunkChars * MaxChunks;

    public static string Read(TableEntity entity)
    {
        var count = entity.GetInt32("JsonChunks") ?? 0;
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(entity.GetString("Json" + i));
        }

        return builder.ToString();
    }

    /// <summary>Text cut to one property's size (summaries only: the detail row keeps the whole).</summary>
    public static string Clip(string text) => text.Length <= ChunkChars ? text : text[..ChunkChars];
}
