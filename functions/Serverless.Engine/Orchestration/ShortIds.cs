using System.Numerics;

namespace Serverless.Engine.Orchestration;

/// <summary>Kestra-style 22-character base62 ids from GUIDs.</summary>
public static class ShortIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string From(Guid guid)
    {
        var number = new BigInteger(guid.ToByteArray(), isUnsigned: true);
        Span<char> buffer = stackalloc char[22];
        for (var i = buffer.Length - 1; i >= 0; i--)
        {
            buffer[i] = Alphabet[(int)(number % 62)];
            number /= 62;
        }

        return new string(buffer);
    }
}
