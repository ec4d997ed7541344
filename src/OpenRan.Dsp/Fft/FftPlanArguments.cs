namespace OpenRan.Dsp.Fft;

/// <summary>What an FFT plan is created for: its length and normalisation (the arguments of the FFT implementation family).</summary>
/// <param name="Length">N, 1..2^20.</param>
/// <param name="Scaling">The normalisation convention.</param>
public readonly record struct FftPlanArguments(int Length, FftScaling Scaling);
