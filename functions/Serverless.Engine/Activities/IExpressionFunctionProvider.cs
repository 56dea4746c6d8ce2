using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Activities;

/// <summary>
/// Adds host functions (<c>secret</c>, <c>read</c>, <c>kv</c>, <c>fileSize</c>…) to the expressions of a
/// runnable task. They run in activities only, so their I/O never happens in orchestration code.
/// </summary>
public interface IExpressionFunctionProvider
{
    /// <summary>The functions available to the task run described by <paramref name="request"/> (scoped to its namespace).</summary>
    IEnumerable<KeyValuePair<string, ExpressionFunction>> Functions(TaskRequest request);
}
