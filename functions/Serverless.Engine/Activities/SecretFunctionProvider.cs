using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;
using Serverless.Engine.Secrets;

namespace Serverless.Engine.Activities;

/// <summary>
/// <c>secret('NAME')</c>: the secret's value from the configured stores (environment <c>SECRET_NAME</c>
/// base64, then Key Vault). The value is registered with the masker before the template sees it. It runs
/// only in activities, so the clear value is never written to the orchestration history by rendering.
/// </summary>
public sealed class SecretFunctionProvider(SecretResolver resolver) : IExpressionFunctionProvider
{
    public IEnumerable<KeyValuePair<string, ExpressionFunction>> Functions(TaskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        yield return new("secret", (args, _) =>
        {
            var name = args.GetString(0, "key") ?? throw new ExpressionException("secret() needs the secret's name, e.g. secret('API_TOKEN')");

            // Expression functions are synchronous; the lookup is cached and runs in an activity, off the orchestration thread.
            return resolver.GetAsync(request.Namespace, name).GetAwaiter().GetResult();
        });
    }
}
