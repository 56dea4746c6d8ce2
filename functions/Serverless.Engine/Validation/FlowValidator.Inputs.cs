using System.Text.RegularExpressions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Validation;

/// <summary>Input checks that need more than the input's own keys.</summary>
public static partial class FlowValidator
{
    /// <summary>Item types Kestra refuses for ARRAY and MULTISELECT items: containers, choices and secrets.</summary>
    private static readonly HashSet<string> ForbiddenItemTypes = ["ARRAY", "SECRET", "MULTISELECT", "SELECT", "ENUM", "OBJECT", "TABLE"];

    /// <summary>A STRING input's <c>validator</c> must compile, or every value would be rejected at run time.</summary>
    private static void CheckValidators(Flow flow, ValidationContext context)
    {
        for (var i = 0; i < flow.Inputs.Count; i++)
        {
            if (flow.Inputs[i].Properties.GetValueOrDefault("validator") is not string pattern)
            {
                continue;
            }

            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                context.Add(flow.Inputs[i].Position, $"inputs[{i}].validator", $"invalid regular expression '{pattern}' in `validator`: {e.Message}");
            }
        }
    }

    private static void CheckItemTypes(Flow flow, ValidationContext context)
    {
        for (var i = 0; i < flow.Inputs.Count; i++)
        {
            var input = flow.Inputs[i];
            if (input.Type is not ("ARRAY" or "MULTISELECT")
                || input.Properties.GetValueOrDefault("itemType") is not string itemType
                || !ForbiddenItemTypes.Contains(itemType.ToUpperInvariant()))
            {
                continue;
            }

            context.Add(input.Position, $"inputs[{i}].itemType",
                $"`itemType` cannot be {itemType.ToUpperInvariant()}: the items of {input.Type} input '{input.Id}' must be a simple type such as STRING, INT, FLOAT, BOOLEAN or DATETIME"
                + (itemType.Equals("SECRET", StringComparison.OrdinalIgnoreCase) ? " (declare secrets as separate SECRET inputs)" : ""));
        }
    }
}
