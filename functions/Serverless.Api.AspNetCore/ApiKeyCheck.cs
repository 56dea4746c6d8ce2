using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Serverless.Api.AspNetCore;

/// <summary>
/// The key check of <c>flows serve</c>, shaped like Azure Functions' function keys so clients work against
/// both: the key comes in the <c>x-functions-key</c> header or the <c>code</c> query parameter and is
/// compared in constant time (as hashes, so not even the key's length leaks).
/// </summary>
public sealed class ApiKeyCheck(string? key)
{
    private readonly byte[]? _key = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool IsOpen => _key is null;

    public bool Allows(HttpRequest request)
    {
        if (_key is null)
        {
            return true;
        }

        var given = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return given is not null && CryptographicOperations.FixedTimeEquals(_key, SHA256.HashData(Encoding.UTF8.GetBytes(given)));
    }
}
