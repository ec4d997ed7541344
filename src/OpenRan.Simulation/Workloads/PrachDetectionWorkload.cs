using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.Prach;

namespace OpenRan.Simulation.Workloads;

/// <summary>One PRACH occasion ready for <see cref="PrachDetector.Detect"/>: detector, antenna-major samples and result buffer.</summary>
/// <param name="Detector">The detector.</param>
/// <param name="Samples">Antenna-major received samples, one occasion per antenna.</param>
/// <param name="AntennaStride">Samples per antenna.</param>
/// <param name="Occasion">The occasion.</param>
/// <param name="Detections">Room for 64 detections.</param>
/// <param name="Description">The conditions, for reports.</param>
public sealed record PrachDetectionWorkload(PrachDetector Detector, ComplexF32[] Samples, int AntennaStride, PrachOccasion Occasion, PrachDetection[] Detections, string Description)
{
    /// <summary>Runs the detection once and returns the number of preambles found.</summary>
    public int Detect() => Detector.Detect(Samples, AntennaStride, Occasion, 0, Detections);
}
