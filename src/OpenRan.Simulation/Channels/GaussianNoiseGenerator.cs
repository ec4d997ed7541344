namespace OpenRan.Simulation.Channels;

/// <summary>Which generator draws the noise of <see cref="AdditiveWhiteGaussianNoise"/>.</summary>
public enum GaussianNoiseGenerator
{
    /// <summary>
    /// <see cref="Dsp.Randomness.ComplexGaussianSource"/> (Marsaglia polar method): the link simulator's generator, whose
    /// sequences the published BLER curves and requirement checks were run with.
    /// </summary>
    Reference,

    /// <summary>
    /// <see cref="Dsp.Randomness.VectorComplexGaussianSource"/> (vectorised Box–Muller, several times faster): the
    /// radio channels of the emulated cell and the loopback radio, which must keep up with the sample rate.
    /// </summary>
    Vectorized,
}
