using System.Security.Cryptography;
using System.Text;

namespace Serverless.Engine.Expressions;

internal static partial class FilterRegistry
{
    private static void RegisterEncodings(Dictionary<string, FilterFunction> f)
    {
        f["base64encode"] = (input, _, _) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(input)));
        f["base64decode"] = (input, _, _) => Base64Decode(Text(input));
        f["urlencode"] = (input, _, _) => Uri.EscapeDataString(Text(input)).Replace("%20", "+", StringComparison.Ordinal);
        f["urldecode"] = (input, _, _) => Uri.UnescapeDataString(Text(input).Replace('+', ' '));
        f["sha256"] = (input, _, _) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(input))));
        f["sha512"] = (input, _, _) => Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(Text(input))));
#pragma warning disable CA5350, CA5351 // Checksums for templates (Kestra's sha1/md5 filters), not security.
        f["sha1"] = (input, _, _) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(Text(input))));
        f["md5"] = (input, _, _) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(Text(input))));
#pragma warning restore CA5350, CA5351
        f["toJson"] = (input, _, _) => JsonText.Write(input);
        f["json"] = (input, _, _) => JsonText.Write(input);
        f["fromJson"] = (input, _, _) => input is string s ? ValueConverter.ParseJson(s) : input;
        f["yaml"] = (input, _, _) => YamlText.Write(input);
        f["toYaml"] = (input, _, _) => YamlText.Write(input);
        f["jq"] = (input, args, evaluator) => JqFilter.Run(input, args.GetString(0, "expression", ".")!, evaluator);
        f["className"] = (input, _, _) => ValueOps.TypeName(input);
    }

    private static string Base64Decode(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw new ExpressionException($"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not valid base64");
        }
    }
}
