namespace Contrail.Cli.Tests;

/// <summary>The catalogs the fixture assemblies carry, as the generator writes them (one line, compact).</summary>
public static class Catalogs
{
    /// <summary>Two errors, in the reverse of the sorted order; one message comes from the exception.</summary>
    public const string Shop =
        """{"version":1,"errors":[""" +
        """{"domain":"shop.acme.example","reason":"PAYMENT_DECLINED","code":"FAILED_PRECONDITION","codeValue":9,"httpStatus":400,"metadataKeys":["orderId","provider"],"message":null,"source":"Acme.Shop.PaymentError.Declined"},""" +
        """{"domain":"shop.acme.example","reason":"ORDER_NOT_FOUND","code":"NOT_FOUND","codeValue":5,"httpStatus":404,"metadataKeys":["orderId"],"message":"Order {orderId} was not found.","source":"Acme.Shop.OrderNotFoundException"}""" +
        """]}""";

    /// <summary>
    /// Another assembly: an error of another domain (sorted first) with a '|' in its message, and a
    /// shop error that sorts between the shop assembly's two; no "metadataKeys" and no "message" at all,
    /// and a property this tool does not know.
    /// </summary>
    public const string Billing =
        """{"version":1,"errors":[""" +
        """{"domain":"shop.acme.example","reason":"CART_EXPIRED","code":"DEADLINE_EXCEEDED","codeValue":4,"httpStatus":504,"source":"Acme.Shop.CartExpiredException","future":{"x":1}},""" +
        """{"domain":"billing.acme.example","reason":"INVOICE_LOCKED","code":"ABORTED","codeValue":10,"httpStatus":409,"metadataKeys":[],"message":"Invoice {invoiceId} is locked | archived.","source":"Acme.Billing.InvoiceLockedException"}""" +
        """]}""";

    public const string Empty = """{"version":1,"errors":[]}""";

    public const string MarkdownHeader =
        "# gRPC error catalog\n" +
        "\n" +
        "| Domain | Reason | Code | HTTP | Metadata keys | Message | Source |\n" +
        "|---|---|---|---|---|---|---|\n";

    public const string ShopMarkdown =
        MarkdownHeader +
        "| shop.acme.example | ORDER_NOT_FOUND | NOT_FOUND (5) | 404 | `orderId` | `Order {orderId} was not found.` | Acme.Shop.OrderNotFoundException |\n" +
        "| shop.acme.example | PAYMENT_DECLINED | FAILED_PRECONDITION (9) | 400 | `orderId`, `provider` | (exception message) | Acme.Shop.PaymentError.Declined |\n";

    public const string MergedMarkdown =
        MarkdownHeader +
        "| billing.acme.example | INVOICE_LOCKED | ABORTED (10) | 409 |  | `Invoice {invoiceId} is locked \\| archived.` | Acme.Billing.InvoiceLockedException |\n" +
        "| shop.acme.example | CART_EXPIRED | DEADLINE_EXCEEDED (4) | 504 |  | (exception message) | Acme.Shop.CartExpiredException |\n" +
        "| shop.acme.example | ORDER_NOT_FOUND | NOT_FOUND (5) | 404 | `orderId` | `Order {orderId} was not found.` | Acme.Shop.OrderNotFoundException |\n" +
        "| shop.acme.example | PAYMENT_DECLINED | FAILED_PRECONDITION (9) | 400 | `orderId`, `provider` | (exception message) | Acme.Shop.PaymentError.Declined |\n";

    public const string ShopJson = """
        {
          "errors": [
            {
              "domain": "shop.acme.example",
              "reason": "ORDER_NOT_FOUND",
              "code": "NOT_FOUND",
              "codeValue": 5,
              "httpStatus": 404,
              "metadataKeys": [
                "orderId"
              ],
              "message": "Order {orderId} was not found.",
              "source": "Acme.Shop.OrderNotFoundException"
            },
            {
              "domain": "shop.acme.example",
              "reason": "PAYMENT_DECLINED",
              "code": "FAILED_PRECONDITION",
              "codeValue": 9,
              "httpStatus": 400,
              "metadataKeys": [
                "orderId",
                "provider"
              ],
              "message": null,
              "source": "Acme.Shop.PaymentError.Declined"
            }
          ]
        }

        """;

    public const string MergedJson = """
        {
          "errors": [
            {
              "domain": "billing.acme.example",
              "reason": "INVOICE_LOCKED",
              "code": "ABORTED",
              "codeValue": 10,
              "httpStatus": 409,
              "metadataKeys": [],
              "message": "Invoice {invoiceId} is locked | archived.",
              "source": "Acme.Billing.InvoiceLockedException"
            },
            {
              "domain": "shop.acme.example",
              "reason": "CART_EXPIRED",
              "code": "DEADLINE_EXCEEDED",
              "codeValue": 4,
              "httpStatus": 504,
              "metadataKeys": [],
              "message": null,
              "source": "Acme.Shop.CartExpiredException"
            },
            {
              "domain": "shop.acme.example",
              "reason": "ORDER_NOT_FOUND",
              "code": "NOT_FOUND",
              "codeValue": 5,
              "httpStatus": 404,
              "metadataKeys": [
                "orderId"
              ],
              "message": "Order {orderId} was not found.",
              "source": "Acme.Shop.OrderNotFoundException"
            },
            {
              "domain": "shop.acme.example",
              "reason": "PAYMENT_DECLINED",
              "code": "FAILED_PRECONDITION",
              "codeValue": 9,
              "httpStatus": 400,
              "metadataKeys": [
                "orderId",
                "provider"
              ],
              "message": null,
              "source": "Acme.Shop.PaymentError.Declined"
            }
          ]
        }

        """;

    public const string EmptyJson = "{\n  \"errors\": []\n}\n";
}
