namespace Serverless.Infra.Tests.Template;

/// <summary>One output of the main template or of a module, with its declared type and value text.</summary>
internal sealed record ArmOutput(string Module, string Name, string Type, string ValueText)
{
    public override string ToString() => $"{Module}.{Name}: {Type} = {ValueText}";
}
