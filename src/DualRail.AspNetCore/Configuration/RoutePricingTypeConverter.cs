using System.ComponentModel;
using System.Globalization;

namespace DualRail.AspNetCore.Configuration;

/// <summary>Lets configuration write a route as <c>"GET /api/x": "$0.01"</c> (a string becomes the price).</summary>
internal sealed class RoutePricingTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string price ? new RoutePricing { Price = price } : base.ConvertFrom(context, culture, value);
}
