using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>float LLRs: plain add, known zero = <see cref="PolarRateDematcher.KnownZeroLlr"/>.</summary>
internal readonly struct FloatLlrArithmetic : ILlrArithmetic<float>
{
    public static float Zero => 0f;

    public static float KnownZero => PolarRateDematcher.KnownZeroLlr;

    public static float Add(float a, float b) => a + b;

    public static float Screen(float value) => MathF.Abs(value) >= ComplexErasure.SmallestNormal ? value : (float.IsNaN(value) ? value : 0f);
}
