namespace OpenRan.Dsp.Fft;

/// <summary>
/// One pass of a self-sorting (Stockham) decimation-in-frequency FFT: radix r, stride s (the product of the radices of
/// the earlier passes) and m = N/(r·s) butterfly groups.
/// </summary>
/// <param name="Radix">r: 2, 3, 4, 5, 8 or any other prime.</param>
/// <param name="Stride">s: distance between the elements of one butterfly's input rows.</param>
/// <param name="Groups">m = N/(r·s): the number of distinct twiddle sets in the pass.</param>
/// <param name="TwiddleOffset">Start of this pass's (r−1)·m twiddles in the plan's table.</param>
/// <param name="RootsOffset">Start of the r roots of unity ω_r^t of a generic-radix pass in the plan's root table (−1 for radices 2, 3, 4, 5, 8).</param>
internal readonly record struct FftPass(int Radix, int Stride, int Groups, int TwiddleOffset, int RootsOffset)
{
    /// <summary>Whether the radix has no dedicated butterfly and is computed as a direct r-point DFT.</summary>
    public bool IsGenericRadix => RootsOffset >= 0;
}
