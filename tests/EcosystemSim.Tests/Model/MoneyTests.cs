using EcosystemSim.Model;

namespace EcosystemSim.Tests.Model;

public class MoneyTests
{
    [Theory]
    [InlineData(195000, 139, 1403)] // 1,950 yuan / 139 = 14.029 yuan
    [InlineData(139 * 100 + 69, 139, 100)]
    [InlineData(139 * 100 + 70, 139, 101)]
    [InlineData(5, 2, 2)] // 2.5 rounds to even
    [InlineData(7, 2, 4)] // 3.5 rounds to even
    [InlineData(-7, 2, -4)]
    public void Division_rounds_half_to_even(long fen, long divisor, long expected) =>
        Assert.Equal(expected, Money.DivideRounded(fen, divisor));

    [Fact]
    public void Yuan_and_fen_convert_exactly_for_cents() =>
        Assert.Equal(19_100, Money.FromYuan(191.0));
}
