using System.Globalization;
using System.Text;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Scheduling;

/// <summary>Table keys from ids: characters a key may not hold (<c>/ \ # ?</c>, controls, <c>%</c>) become <c>%XX</c>.</summary>
internal static class TableKeys
{
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
