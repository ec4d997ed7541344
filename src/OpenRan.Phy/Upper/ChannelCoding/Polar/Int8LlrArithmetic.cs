using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>int8 LLRs: saturating add, known zero = +127.</summary>
internal readonly struct Int8LlrArithmetic : ILlrArithmetic<sbyte>
{
    public static sbyte Zero => 0;

    public static sbyte KnownZero => LogLikelihoodRatio.Infinity;

    public static sbyte Add(sbyte a, sbyte b) => LogLikelihoodRatio.Add(a, b);

    public static sbyte Screen(sbyte value) => value;
}
