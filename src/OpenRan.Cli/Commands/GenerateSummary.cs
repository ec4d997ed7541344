namespace OpenRan.Cli.Commands;

/// <summary>The result of <c>openran generate</c>.</summary>
/// <param name="Waveform">The waveform's name.</param>
/// <param name="Output">The recording (base name), or null for a radio.</param>
/// <param name="Radio">The radio's label, or null for a recording.</param>
/// <param name="Frames">10 ms frames generated.</param>
/// <param name="Slots">Slots generated.</param>
/// <param name="Samples">Samples per port.</param>
/// <param name="Channels">Antenna ports (recording channels).</param>
/// <param name="SampleRateHz">Sample rate.</param>
/// <param name="FrequencyHz">RF centre, or null.</param>
/// <param name="Format">cf32 or ci16.</param>
/// <param name="Scale">Factor applied to the OFDM modulator's output.</param>
/// <param name="PeakDbfs">Largest |I| or |Q| relative to full scale 1.0, dB (above 0: ci16 clipped).</param>
/// <param name="WallSeconds">Wall-clock time.</param>
/// <param name="DeliveredSamples">Samples per port the radio took (radio only).</param>
/// <param name="LostSamples">Samples the radio reported lost (radio only).</param>
internal sealed record GenerateSummary(string Waveform, string? Output, string? Radio, int Frames, long Slots, long Samples, int Channels, double SampleRateHz,
    double? FrequencyHz, string Format, float Scale, double PeakDbfs, double WallSeconds, long DeliveredSamples, long LostSamples)
{
    /// <summary>Seconds of signal per wall-clock second.</summary>
    public double RealTimeFactor => WallSeconds > 0 ? Samples / SampleRateHz / WallSeconds : double.PositiveInfinity;
}
