package io.smartrouter.invoice.invoice.command;

import io.smartrouter.invoice.invoice.api.CreateInvoiceCommand;
import io.smartrouter.invoice.invoice.api.LineItem;
import io.smartrouter.invoice.invoice.api.Shipping;
import io.smartrouter.schemas.invoice.InvoiceCreatedEvent;
import io.smartrouter.schemas.invoice.InvoiceLineItem;
import io.smartrouter.schemas.invoice.InvoiceShipping;
import io.smartrouter.schemas.invoice.InvoiceTax;
import java.net.URI;

/** Maps invoice commands to their Avro events: amounts in minor units, every optional field as null when absent. */
public final class InvoiceEvents {

    private InvoiceEvents() {
    }

    public static InvoiceCreatedEvent created(CreateInvoiceCommand command) {
        return InvoiceCreatedEvent.newBuilder()
                .setInvoiceId(command.invoiceId().value())
                .setProjectId(command.projectId().value())
                .setName(command.name())
                .setAmount(command.amount().minorUnits())
                .setCurrency(command.amount().currencyCode())
                .setCreatedAt(command.createdAt())
                .setReferenceId(command.referenceId())
                .setDetails(command.details().stream().map(InvoiceEvents::lineItem).toList())
                .setShipping(command.shipping() == null ? null : shipping(command.shipping()))
                .setTax(command.tax() == null ? null : InvoiceTax.newBuilder()
                        .setAmount(command.tax().amount().minorUnits()).setRate(command.tax().rate()).build())
                .setMetadata(command.metadata())
                .setInitiationType(command.initiationType().wire())
                .setAutoCaptureAt(command.autoCaptureAt())
                .setReturnUrl(text(command.returnUrl()))
                .setWebhookUrl(text(command.webhookUrl()))
                .setCustomerId(command.customerId() == null ? null : command.customerId().value())
                .build();
    }

    private static InvoiceLineItem lineItem(LineItem item) {
        return InvoiceLineItem.newBuilder()
                .setName(item.name())
                .setUnitAmount(item.unitAmount().minorUnits())
                .setQuantity(item.quantity())
                .setType(item.type())
                .setReference(item.reference())
                .setCategory(item.category())
                .build();
    }

    private static InvoiceShipping shipping(Shipping shipping) {
        return InvoiceShipping.newBuilder()
                .setAmount(shipping.amount().minorUnits())
                .setMethod(shipping.method())
                .setProvider(shipping.provider())
                .setFirstName(shipping.firstName())
                .setLastName(shipping.lastName())
                .setAddress1(shipping.address1())
                .setAddress2(shipping.address2())
                .setCity(shipping.city())
                .setState(shipping.state())
                .setZip(shipping.zip())
                .setCountryCode(shipping.countryCode())
                .setPhoneNumber(shipping.phoneNumber())
                .setEmail(shipping.email())
                .build();
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
