using System.Security.Cryptography;
using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Activities;

/// <summary>
/// Kestra's random functions: <c>uuid()</c>, <c>id()</c> (22-character base62), <c>nanoId(length, alphabet)</c>
/// and <c>randomInt(lower, upper)</c> (upper excluded). They exist only in the worker: the orchestration replays
/// its code and must see the same values each time, so there they fail with an explanation instead. An
/// activity that runs again (at least once) draws new values.
/// </summary>
public sealed class RandomFunctionProvider : IExpressionFunctionProvider
{
    private const string NanoIdAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    private const int MaxNanoIdLength = 1000;

    public IEnumerable<KeyValuePair<string, ExpressionFunction>> Functions(TaskRequest request)
    {
        yield return new("uuid", (_, _) => NewGuid().ToString());
        yield return new("id", (_, _) => ShortIds.From(NewGuid()));
        yield return new("nanoId", (args, _) => NanoId(args));
        yield return new("randomInt", (args, _) => RandomInt(args));
    }

    private static Guid NewGuid()
    {
#pragma warning disable RS0030 // Activity code (the worker), never replayed: a fresh random id is the point.
        return Guid.NewGuid();
#pragma warning restore RS0030
    }

    private static string NanoId(FunctionArguments args)
    {
        var length = args.GetLong(0, "length", 21);
        if (length is < 1 or > MaxNanoIdLength)
        {
            throw new ExpressionException($"nanoId(): 'length' must be between 1 and {MaxNanoIdLength}, not {length}");
        }

        var alphabet = args.GetString(1, "alphabet") is { Length: > 0 } custom ? custom : NanoIdAlphabet;
        return RandomNumberGenerator.GetString(alphabet, (int)length);
    }

    private static long RandomInt(FunctionArguments args)
    {
        if (!args.Has(0, "lower") || !args.Has(1, "upper"))
        {
            throw new ExpressionException("randomInt() expects the arguments 'lower' and 'upper'");
        }

        var lower = args.GetLong(0, "lower");
        var upper = args.GetLong(1, "upper");
        if (upper < lower)
        {
            throw new ExpressionException($"randomInt(): upper ({upper}) is less than lower ({lower})");
        }

        if (upper == lower)
        {
            return lower;
        }

        var span = (ulong)(upper - lower);
        if (span <= int.MaxValue)
        {
            return lower + RandomNumberGenerator.GetInt32((int)span);
        }

        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return lower + (long)(BitConverter.ToUInt64(bytes) % span);
    }
}
