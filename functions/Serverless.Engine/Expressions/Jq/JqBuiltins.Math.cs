namespace Serverless.Engine.Expressions.Jq;

internal static partial class JqBuiltins
{
    private static void RegisterMath(Dictionary<string, JqNative> n)
    {
        var unary = new Dictionary<string, Func<double, double>>
        {
            ["floor"] = Math.Floor, ["ceil"] = Math.Ceiling, ["sqrt"] = Math.Sqrt, ["fabs"] = Math.Abs,
            ["round"] = d => Math.Round(d, MidpointRounding.AwayFromZero), ["trunc"] = Math.Truncate,
            ["rint"] = d => Math.Round(d, MidpointRounding.ToEven), ["nearbyint"] = d => Math.Round(d, MidpointRounding.ToEven),
            ["exp"] = Math.Exp, ["exp2"] = d => Math.Pow(2, d), ["exp10"] = d => Math.Pow(10, d), ["expm1"] = d => Math.Exp(d) - 1,
            ["log"] = Math.Log, ["log2"] = Math.Log2, ["log10"] = Math.Log10, ["log1p"] = d => Math.Log(1 + d),
            ["logb"] = d => Math.Floor(Math.Log2(Math.Abs(d))), ["cbrt"] = Math.Cbrt,
            ["sin"] = Math.Sin, ["cos"] = Math.Cos, ["tan"] = Math.Tan, ["asin"] = Math.Asin, ["acos"] = Math.Acos, ["atan"] = Math.Atan,
            ["sinh"] = Math.Sinh, ["cosh"] = Math.Cosh, ["tanh"] = Math.Tanh, ["asinh"] = Math.Asinh, ["acosh"] = Math.Acosh, ["atanh"] = Math.Atanh,
            ["gamma"] = LogGamma, ["lgamma"] = LogGamma, ["tgamma"] = d => Math.Exp(LogGamma(d)) * (d < 0 && Math.Floor(-d) % 2 == 0 ? -1 : 1),
            ["lgamma_r"] = LogGamma, ["significand"] = Significand,
        };
        foreach (var (name, f) in unary)
        {
            n[name + "/0"] = V0(v => JqValues.Number(f(Num(v))));
        }

        var binary = new Dictionary<string, Func<double, double, double>>
        {
            ["pow"] = Math.Pow, ["atan2"] = Math.Atan2, ["fmin"] = Math.Min, ["fmax"] = Math.Max, ["fmod"] = Math.IEEERemainder,
            ["hypot"] = (a, b) => Math.Sqrt((a * a) + (b * b)), ["copysign"] = Math.CopySign, ["drem"] = Math.IEEERemainder,
            ["nextafter"] = (a, b) => a == b ? b : a < b ? Math.BitIncrement(a) : Math.BitDecrement(a),
            ["nexttoward"] = (a, b) => a == b ? b : a < b ? Math.BitIncrement(a) : Math.BitDecrement(a),
            ["ldexp"] = (a, b) => a * Math.Pow(2, Math.Truncate(b)), ["scalb"] = (a, b) => a * Math.Pow(2, b),
            ["scalbln"] = (a, b) => a * Math.Pow(2, Math.Truncate(b)),
        };
        binary["fmod"] = (a, b) => a % b;
        foreach (var (name, f) in binary)
        {
            n[name + "/2"] = V2((_, a, b) => JqValues.Number(f(Num(a), Num(b))));
        }

        n["fma/3"] = V3((_, a, b, c) => JqValues.Number(Math.FusedMultiplyAdd(Num(a), Num(b), Num(c))));
        n["frexp/0"] = V0(v => Frexp(Num(v)));
        n["modf/0"] = V0(v =>
        {
            var d = Num(v);
            var integral = Math.Truncate(d);
            return new List<object?> { JqValues.Number(double.IsInfinity(d) ? 0 : d - integral), JqValues.Number(integral) };
        });
        n["abs/0"] = V0(v => v switch
        {
            long l when l < 0 && l != long.MinValue => -l,
            long l when l == long.MinValue => -(double)l,
            double d when d < 0 => -d,
            _ => v,
        });
        n["toarray/0"] = V0(v => v is IReadOnlyList<object?> ? v : new List<object?> { v });
    }

    private static double Significand(double d)
    {
        if (d == 0 || double.IsInfinity(d) || double.IsNaN(d))
        {
            return d;
        }

        var (mantissa, _) = FrexpParts(d);
        return mantissa * 2;
    }

    private static (double Mantissa, int Exponent) FrexpParts(double d)
    {
        if (d == 0 || double.IsInfinity(d) || double.IsNaN(d))
        {
            return (d, 0);
        }

        var exponent = (int)Math.Floor(Math.Log2(Math.Abs(d))) + 1;
        var mantissa = d / Math.Pow(2, exponent);
        if (Math.Abs(mantissa) >= 1)
        {
            mantissa /= 2;
            exponent++;
        }
        else if (Math.Abs(mantissa) < 0.5)
        {
            mantissa *= 2;
            exponent--;
        }

        return (mantissa, exponent);
    }

    private static List<object?> Frexp(double d)
    {
        var (mantissa, exponent) = FrexpParts(d);
        return [JqValues.Number(mantissa), (long)exponent];
    }

    /// <summary>ln|Γ(x)| by the Lanczos approximation (.NET has no gamma function).</summary>
    private static double LogGamma(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x <= 0 && x == Math.Floor(x))
        {
            return double.PositiveInfinity;
        }

        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        double[] g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var a = g[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++)
        {
            a += g[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }
}
