namespace Serverless.Engine.Secrets;

/// <summary>
/// One place secrets come from (environment variables, Azure Key Vault). Stores are asked in registration
/// order; the first that has the name wins.
/// </summary>
public interface ISecretStore
{
    /// <summary>The secret's value, or <see langword="null"/> when this store does not have it.</summary>
    Task<string?> GetAsync(string ns, string name, CancellationToken ct = default);
}
