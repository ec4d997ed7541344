namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>The sizes a polar decoder is built for (the creation arguments of <see cref="PolarDecoderFactory"/>).</summary>
/// <param name="MaxListSize">Largest list size L, 1..32.</param>
/// <param name="MaxLength">Largest code length N, a power of two 32..1024.</param>
public readonly record struct PolarDecoderArguments(int MaxListSize = 32, int MaxLength = PolarCode.MaxLength);
