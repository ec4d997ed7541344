namespace OpenRan.Dsp.Fft;

/// <summary>Exponent −j2πnk/N.</summary>
internal readonly struct ForwardFft : IFftDirection
{
    public static bool IsInverse => false;
}
