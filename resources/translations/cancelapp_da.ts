<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About CancelApp</source>
        <translation>Om CancelApp</translation>
    </message>
    <message>
        <source>CancelApp {version}</source>
        <translation>CancelApp {version}</translation>
    </message>
    <message>
        <source>Every cancellation request of your Shopify store in one window.</source>
        <translation>Alle annulleringsanmodninger til din Shopify-butik i ét vindue.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Kører på</translation>
    </message>
    <message>
        <source>Qt {qt}, PySide6 {pyside}</source>
        <translation>Qt {qt}, PySide6 {pyside}</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licens</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Tak til</translation>
    </message>
    <message>
        <source>Shopify Admin API schema from @shopify/dev-mcp (ISC licence). Qt for Python (LGPL).</source>
        <translation>Shopify Admin API-skema fra @shopify/dev-mcp (ISC-licens). Qt for Python (LGPL).</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datamappe</translation>
    </message>
</context>
<context>
    <name>ActionConflict</name>
    <message>
        <source>1 more item has been shipped.</source>
        <translation>1 vare mere er sendt.</translation>
    </message>
    <message>
        <source>A fulfillment service has accepted the order.</source>
        <translation>En fulfillment-tjeneste har taget imod ordren.</translation>
    </message>
    <message>
        <source>A refund has been made: {amount} refunded so far.</source>
        <translation>Der er refunderet: {amount} indtil nu.</translation>
    </message>
    <message>
        <source>A return is now open on this order ({status}).</source>
        <translation>Der er nu en åben returnering på ordren ({status}).</translation>
    </message>
    <message>
        <source>A shipment changed from {before} to {after}.</source>
        <translation>En forsendelse er ændret fra {before} til {after}.</translation>
    </message>
    <message>
        <source>Fulfillment changed from {before} to {after}.</source>
        <translation>Forsendelsen er ændret fra {before} til {after}.</translation>
    </message>
    <message>
        <source>Payment status changed from {before} to {after}.</source>
        <translation>Betalingsstatus er ændret fra {before} til {after}.</translation>
    </message>
    <message>
        <source>The items or quantities on the order have changed.</source>
        <translation>Varerne eller antallene på ordren er ændret.</translation>
    </message>
    <message>
        <source>The order has been cancelled in the meantime.</source>
        <translation>Ordren er blevet annulleret i mellemtiden.</translation>
    </message>
    <message>
        <source>The order total changed from {before} to {after}.</source>
        <translation>Ordrens total er ændret fra {before} til {after}.</translation>
    </message>
    <message>
        <source>The order&apos;s shipments have been split or merged.</source>
        <translation>Ordrens forsendelser er blevet delt eller slået sammen.</translation>
    </message>
    <message>
        <source>The refund would now be {after} instead of {before}.</source>
        <translation>Refusionen ville nu blive {after} i stedet for {before}.</translation>
    </message>
    <message>
        <source>{count} more items have been shipped.</source>
        <translation>{count} varer mere er sendt.</translation>
    </message>
</context>
<context>
    <name>ActionController</name>
    <message>
        <source>Decline {order}</source>
        <translation>Afvis {order}</translation>
    </message>
    <message>
        <source>Why is the request declined? This goes on the order&apos;s note, and Shopify sends it to the customer. Your own words also go in your reply, which you see before anything is sent.</source>
        <translation>Hvorfor afvises anmodningen? Det skrives i ordrens note, og Shopify sender det til kunden. Dine egne ord kommer også med i dit svar, som du ser, før noget sendes.</translation>
    </message>
    <message>
        <source>Why is the request declined? This goes on the order&apos;s note. Your own words also go in the reply to the customer, which you see before anything is sent.</source>
        <translation>Hvorfor afvises anmodningen? Det skrives i ordrens note. Dine egne ord kommer også med i svaret til kunden, som du ser, før noget sendes.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsæt</translation>
    </message>
    <message>
        <source>Note on {order}</source>
        <translation>Note til {order}</translation>
    </message>
    <message>
        <source>Your note (kept in CancelApp, not sent to the customer):</source>
        <translation>Din note (gemmes i CancelApp og sendes ikke til kunden):</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Tilføj note</translation>
    </message>
    <message>
        <source>Taken back: nothing was sent to Shopify.</source>
        <translation>Fortrudt: intet blev sendt til Shopify.</translation>
    </message>
    <message>
        <source>Too late to undo: the action was already sent.</source>
        <translation>For sent at fortryde: handlingen er allerede sendt.</translation>
    </message>
    <message numerus="yes">
        <source>%n new order put on hold until you decide.</source>
        <translation>
            <numerusform>%n ny ordre er tilbageholdt, indtil du har besluttet dig.</numerusform>
            <numerusform>%n nye ordrer er tilbageholdt, indtil du har besluttet dig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new orders put on hold until you decide.</source>
        <translation>
            <numerusform>%n ny ordre er tilbageholdt, indtil du har besluttet dig.</numerusform>
            <numerusform>%n nye ordrer er tilbageholdt, indtil du har besluttet dig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new order at a fulfillment service, which may ship it: decide soon. CancelApp does not ask the warehouse to stop unless you approve.</source>
        <translation>
            <numerusform>%n ny ordre hos en fulfillment-tjeneste, som kan sende den: beslut dig snart. CancelApp beder ikke lageret om at stoppe, medmindre du godkender.</numerusform>
            <numerusform>%n nye ordrer hos en fulfillment-tjeneste, som kan sende dem: beslut dig snart. CancelApp beder ikke lageret om at stoppe, medmindre du godkender.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new orders at a fulfillment service, which may ship them: decide soon. CancelApp does not ask the warehouse to stop unless you approve.</source>
        <translation>
            <numerusform>%n ny ordre hos en fulfillment-tjeneste, som kan sende den: beslut dig snart. CancelApp beder ikke lageret om at stoppe, medmindre du godkender.</numerusform>
            <numerusform>%n nye ordrer hos en fulfillment-tjeneste, som kan sende dem: beslut dig snart. CancelApp beder ikke lageret om at stoppe, medmindre du godkender.</numerusform>
        </translation>
    </message>
    <message>
        <source>{order}: reading the order from Shopify…</source>
        <translation>{order}: henter ordren fra Shopify…</translation>
    </message>
    <message>
        <source>{order}: {message}</source>
        <translation>{order}: {message}</translation>
    </message>
    <message>
        <source>{order}: sent at {time} unless you undo it (Ctrl+Z).</source>
        <translation>{order}: sendes kl. {time}, medmindre du fortryder (Ctrl+Z).</translation>
    </message>
    <message>
        <source>{order}: queued until Shopify can be reached.</source>
        <translation>{order}: venter i kø, til Shopify kan nås.</translation>
    </message>
    <message>
        <source>{order}: done.</source>
        <translation>{order}: udført.</translation>
    </message>
    <message>
        <source>{order}: sent; waiting for Shopify to confirm.</source>
        <translation>{order}: sendt; venter på, at Shopify bekræfter.</translation>
    </message>
    <message>
        <source>{order}: not opened, you moved away; press A again.</source>
        <translation>{order}: ikke åbnet, du gik videre; tryk A igen.</translation>
    </message>
    <message>
        <source>{order}: not opened, you moved away; press D again.</source>
        <translation>{order}: ikke åbnet, du gik videre; tryk D igen.</translation>
    </message>
    <message>
        <source>{order}: not opened, you moved away; press H again.</source>
        <translation>{order}: ikke åbnet, du gik videre; tryk H igen.</translation>
    </message>
    <message>
        <source>{order}: not opened, you moved to {other}; press A again.</source>
        <translation>{order}: ikke åbnet, du gik videre til {other}; tryk A igen.</translation>
    </message>
    <message>
        <source>{order}: not opened, you moved to {other}; press D again.</source>
        <translation>{order}: ikke åbnet, du gik videre til {other}; tryk D igen.</translation>
    </message>
    <message>
        <source>{order}: not opened, you moved to {other}; press H again.</source>
        <translation>{order}: ikke åbnet, du gik videre til {other}; tryk H igen.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Nothing more was sent; the details are in the log.</source>
        <translation>Noget uventet gik galt. Der blev ikke sendt mere; detaljerne står i loggen.</translation>
    </message>
</context>
<context>
    <name>ActionOutcome</name>
    <message>
        <source>A refund payment failed at the payment provider; check it in Shopify.</source>
        <translation>En refusion mislykkedes hos betalingsudbyderen; kontrollér den i Shopify.</translation>
    </message>
    <message>
        <source>A refund payment is still pending at the payment provider.</source>
        <translation>En refusion afventer stadig hos betalingsudbyderen.</translation>
    </message>
    <message>
        <source>Another action for this order is still running.</source>
        <translation>En anden handling for denne ordre er stadig i gang.</translation>
    </message>
    <message>
        <source>Nothing was sent: CancelApp could not check the order in Shopify first. {problem} Decide again.</source>
        <translation>Intet blev sendt: CancelApp kunne ikke kontrollere ordren i Shopify først. {problem} Beslut igen.</translation>
    </message>
    <message>
        <source>Shopify could not cancel the order.</source>
        <translation>Shopify kunne ikke annullere ordren.</translation>
    </message>
    <message>
        <source>Shopify did not do the {step}: {reason}</source>
        <translation>Shopify udførte ikke {step}: {reason}</translation>
    </message>
    <message>
        <source>Shopify finished, but the order is not cancelled.</source>
        <translation>Shopify blev færdig, men ordren er ikke annulleret.</translation>
    </message>
    <message>
        <source>Shopify has not confirmed this yet. CancelApp keeps it and checks the order again before doing anything more.</source>
        <translation>Shopify har ikke bekræftet det endnu. CancelApp gemmer det og kontrollerer ordren igen, før der gøres mere.</translation>
    </message>
    <message>
        <source>Shopify refunded {actual}, but the preview said {amount}. Check the order in Shopify.</source>
        <translation>Shopify refunderede {actual}, men forhåndsvisningen sagde {amount}. Kontrollér ordren i Shopify.</translation>
    </message>
    <message>
        <source>The order no longer exists in Shopify, so CancelApp cannot check whether the {step} happened. Look at the order&apos;s history in Shopify.</source>
        <translation>Ordren findes ikke længere i Shopify, så CancelApp kan ikke kontrollere, om {step} skete. Se ordrens historik i Shopify.</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>annulleringen</translation>
    </message>
    <message>
        <source>closing of Shopify&apos;s request</source>
        <translation>lukningen af Shopifys anmodning</translation>
    </message>
    <message>
        <source>decline of Shopify&apos;s request</source>
        <translation>afvisningen af Shopifys anmodning</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>tilbageholdelsen</translation>
    </message>
    <message>
        <source>order note</source>
        <translation>ordrenoten</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>refusionen</translation>
    </message>
    <message>
        <source>release of the hold</source>
        <translation>frigivelsen af tilbageholdelsen</translation>
    </message>
    <message>
        <source>request to the warehouse</source>
        <translation>anmodningen til lageret</translation>
    </message>
    <message>
        <source>restock</source>
        <translation>lagerreguleringen</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>tagget</translation>
    </message>
    <message>
        <source>{message} (already done: {steps})</source>
        <translation>{message} (allerede udført: {steps})</translation>
    </message>
</context>
<context>
    <name>ActionPreview</name>
    <message>
        <source>A payment on this order is still pending; Shopify may refuse.</source>
        <translation>En betaling på ordren afventer stadig; Shopify kan afvise.</translation>
    </message>
    <message>
        <source>A return is open on this order; finish it in Shopify first.</source>
        <translation>Der er en åben returnering på ordren; afslut den i Shopify først.</translation>
    </message>
    <message>
        <source>Ask the fulfillment service to stop</source>
        <translation>Bed fulfillment-tjenesten om at stoppe</translation>
    </message>
    <message>
        <source>Ask the warehouse to cancel</source>
        <translation>Bed lageret om at annullere</translation>
    </message>
    <message>
        <source>At most {maximum} can be refunded for what is cancelled.</source>
        <translation>Der kan højst refunderes {maximum} for det, der annulleres.</translation>
    </message>
    <message>
        <source>At the warehouse: decide soon. It must agree before the order can be cancelled.</source>
        <translation>På lageret: beslut dig snart. Lageret skal sige ja, før ordren kan annulleres.</translation>
    </message>
    <message>
        <source>Cancel and refund {amount}</source>
        <translation>Annuller og refunder {amount}</translation>
    </message>
    <message>
        <source>Cancel without refund</source>
        <translation>Annuller uden refusion</translation>
    </message>
    <message>
        <source>Cancel {count} orders</source>
        <translation>Annuller {count} ordrer</translation>
    </message>
    <message>
        <source>CancelApp cannot tell which location “{item}” came from.</source>
        <translation>CancelApp kan ikke se, hvilken lokation “{item}” kom fra.</translation>
    </message>
    <message>
        <source>CancelApp does not know how many decimals {currency} has, so it cannot work out the fee. Refund this order in Shopify.</source>
        <translation>CancelApp ved ikke, hvor mange decimaler {currency} har, og kan derfor ikke beregne gebyret. Refunder ordren i Shopify.</translation>
    </message>
    <message>
        <source>Decline anyway</source>
        <translation>Afvis alligevel</translation>
    </message>
    <message>
        <source>Decline request</source>
        <translation>Afvis anmodningen</translation>
    </message>
    <message>
        <source>Everything on this order has shipped, so there is nothing left to cancel. Use a return instead.</source>
        <translation>Alt på ordren er sendt, så der er intet tilbage at annullere. Brug en returnering i stedet.</translation>
    </message>
    <message>
        <source>Hold fulfillment</source>
        <translation>Tilbagehold forsendelsen</translation>
    </message>
    <message>
        <source>How much goes back to each payment is Shopify&apos;s to work out when the refund is sent; the total stays as shown.</source>
        <translation>Hvor meget der går tilbage til hver betaling, beregner Shopify, når refusionen sendes; beløbet i alt er det viste.</translation>
    </message>
    <message>
        <source>Match the request to an order first.</source>
        <translation>Knyt først anmodningen til en ordre.</translation>
    </message>
    <message>
        <source>Nothing on this order is waiting to ship.</source>
        <translation>Intet på ordren venter på at blive sendt.</translation>
    </message>
    <message>
        <source>Only the locations this order ships from are offered: the app may not read your store&apos;s other locations ({scopes}). To put items back anywhere else, add that access scope to the app, release a new version and install it again.</source>
        <translation>Kun de lokationer, ordren sendes fra, tilbydes: appen må ikke læse butikkens andre lokationer ({scopes}). For at lægge varer på lager andre steder skal du tilføje adgangsområdet til appen, udgive en ny version og installere den igen.</translation>
    </message>
    <message>
        <source>Prices in this shop exclude tax, and the cached copy of this order does not say the tax on its shipping, so the refund includes the shipping. To keep the shipping, approve once CancelApp is online again.</source>
        <translation>Priserne i denne butik er uden moms, og den gemte kopi af ordren siger ikke, hvad momsen på fragten er, så refusionen omfatter fragten. Vil du beholde fragten, så godkend, når CancelApp er online igen.</translation>
    </message>
    <message>
        <source>Refund {amount} for unshipped items</source>
        <translation>Refunder {amount} for varer, der ikke er sendt</translation>
    </message>
    <message>
        <source>Remove unshipped items without refund</source>
        <translation>Fjern varer, der ikke er sendt, uden refusion</translation>
    </message>
    <message>
        <source>Restock {count} items</source>
        <translation>Læg {count} varer på lager igen</translation>
    </message>
    <message>
        <source>Sent to {services}, not accepted yet: it can still be cancelled at once, but not held. Decide soon: once the warehouse accepts it, it must agree to the cancel.</source>
        <translation>Sendt til {services}, men ikke modtaget endnu: ordren kan stadig annulleres med det samme, men ikke tilbageholdes. Beslut dig snart: når lageret har taget imod den, skal lageret sige ja til annulleringen.</translation>
    </message>
    <message>
        <source>Shopify can refund at most {maximum} on this order, less than the {amount} planned. Check the order in Shopify.</source>
        <translation>Shopify kan højst refundere {maximum} på ordren, mindre end de planlagte {amount}. Tjek ordren i Shopify.</translation>
    </message>
    <message>
        <source>Shopify cannot be reached and this order is not cached in full. Decide once CancelApp is online again.</source>
        <translation>Shopify kan ikke nås, og denne ordre er ikke gemt i sin helhed. Beslut, når CancelApp er online igen.</translation>
    </message>
    <message>
        <source>Shopify cannot be reached, and refunding part of an order needs its calculation. Approve it once CancelApp is online again.</source>
        <translation>Shopify kan ikke nås, og refusion af en del af en ordre kræver Shopifys beregning. Godkend den, når CancelApp er online igen.</translation>
    </message>
    <message>
        <source>Shopify computes {shopify} for removing these items; CancelApp&apos;s preview comes to {ours}. Check the order in Shopify before you confirm.</source>
        <translation>Shopify beregner {shopify} for at fjerne disse varer; CancelApps forhåndsvisning giver {ours}. Tjek ordren i Shopify, før du bekræfter.</translation>
    </message>
    <message>
        <source>Shopify emails the customer a refund receipt for {amount}.</source>
        <translation>Shopify sender kunden en refusionskvittering på {amount}.</translation>
    </message>
    <message>
        <source>Shopify emails the customer a refund receipt: 1 item cancelled, {amount} as store credit.</source>
        <translation>Shopify sender kunden en refusionskvittering: 1 vare annulleret, {amount} som butikskredit.</translation>
    </message>
    <message>
        <source>Shopify emails the customer a refund receipt: 1 item cancelled, {amount} refunded.</source>
        <translation>Shopify sender kunden en refusionskvittering: 1 vare annulleret, {amount} refunderet.</translation>
    </message>
    <message>
        <source>Shopify emails the customer a refund receipt: {amount} as store credit.</source>
        <translation>Shopify sender kunden en refusionskvittering: {amount} som butikskredit.</translation>
    </message>
    <message>
        <source>Shopify emails the customer a refund receipt: {count} items cancelled, {amount} as store credit.</source>
        <translation>Shopify sender kunden en refusionskvittering: {count} varer annulleret, {amount} som butikskredit.</translation>
    </message>
    <message>
        <source>Shopify emails the customer a refund receipt: {count} items cancelled, {amount} refunded.</source>
        <translation>Shopify sender kunden en refusionskvittering: {count} varer annulleret, {amount} refunderet.</translation>
    </message>
    <message>
        <source>Shopify emails the customer that 1 item is cancelled, with no money refunded.</source>
        <translation>Shopify sender kunden en e-mail om, at 1 vare er annulleret, uden at der refunderes penge.</translation>
    </message>
    <message>
        <source>Shopify emails the customer that the request is declined, with your reason.</source>
        <translation>Shopify sender kunden en e-mail om, at anmodningen er afvist, med din begrundelse.</translation>
    </message>
    <message>
        <source>Shopify emails the customer that {count} items are cancelled, with no money refunded.</source>
        <translation>Shopify sender kunden en e-mail om, at {count} varer er annulleret, uden at der refunderes penge.</translation>
    </message>
    <message>
        <source>Shopify emails the customer that order {order} is cancelled and {amount} goes back to how they paid.</source>
        <translation>Shopify sender kunden en e-mail om, at ordre {order} er annulleret, og at {amount} går tilbage til den måde, kunden betalte på.</translation>
    </message>
    <message>
        <source>Shopify emails the customer that order {order} is cancelled and {amount} is given as store credit.</source>
        <translation>Shopify sender kunden en e-mail om, at ordre {order} er annulleret, og at {amount} gives som butikskredit.</translation>
    </message>
    <message>
        <source>Shopify emails the customer that order {order} is cancelled.</source>
        <translation>Shopify sender kunden en e-mail om, at ordre {order} er annulleret.</translation>
    </message>
    <message>
        <source>Shopify sends the customer no email.</source>
        <translation>Shopify sender ikke kunden nogen e-mail.</translation>
    </message>
    <message>
        <source>Shopify sends the reason to the customer and takes at most {limit} characters; this one has {length}. Shorten it and decline again.</source>
        <translation>Shopify sender begrundelsen til kunden og tager højst {limit} tegn; denne har {length}. Gør den kortere, og afvis igen.</translation>
    </message>
    <message>
        <source>Some items (such as gift cards) cannot go back into stock.</source>
        <translation>Nogle varer (f.eks. gavekort) kan ikke lægges på lager igen.</translation>
    </message>
    <message>
        <source>Store credit needs a customer account, and this order has none. Refund to the original payment instead.</source>
        <translation>Butikskredit kræver en kundekonto, og ordren har ingen. Refunder til den oprindelige betaling i stedet.</translation>
    </message>
    <message>
        <source>The cached copy of this order cannot tell its duties and tips apart from its shipping, so the refund includes the shipping. To keep the shipping, approve once CancelApp is online again.</source>
        <translation>Den gemte kopi af ordren kan ikke skelne told og drikkepenge fra fragten, så refusionen omfatter fragten. Vil du beholde fragten, så godkend, når CancelApp er online igen.</translation>
    </message>
    <message>
        <source>The cached copy of this order does not say what is left of its shipping, so the refund includes it. To keep the shipping, approve once CancelApp is online again.</source>
        <translation>Den gemte kopi af ordren siger ikke, hvad der er tilbage af fragten, så refusionen omfatter den. Vil du beholde fragten, så godkend, når CancelApp er online igen.</translation>
    </message>
    <message>
        <source>The fixed fee is set in {fee_currency}, but the customer paid in {currency}. Set the fee as a percentage or in {currency}.</source>
        <translation>Det faste gebyr er angivet i {fee_currency}, men kunden betalte i {currency}. Angiv gebyret i procent eller i {currency}.</translation>
    </message>
    <message>
        <source>The payment was only authorised: cancelling releases it, nothing is charged.</source>
        <translation>Betalingen er kun reserveret: annullering frigiver den, og intet bliver trukket.</translation>
    </message>
    <message>
        <source>The policy has no fee to keep here.</source>
        <translation>Politikken har intet gebyr, der kan beholdes her.</translation>
    </message>
    <message>
        <source>The reason goes on the order&apos;s note, and Shopify keeps at most {limit} characters there: {room} are left beside the note the order has. Shorten the reason, or the order&apos;s note in Shopify, and decline again.</source>
        <translation>Begrundelsen skrives i ordrens note, og Shopify gemmer højst {limit} tegn dér: der er {room} tilbage ved siden af den note, ordren har. Gør begrundelsen eller ordrens note i Shopify kortere, og afvis igen.</translation>
    </message>
    <message>
        <source>The warehouse agreed to cancel: approve to cancel and refund.</source>
        <translation>Lageret har sagt ja til at annullere: godkend for at annullere og refundere.</translation>
    </message>
    <message>
        <source>The warehouse already agreed to cancel {order} and stopped work on it; declining does not restart it. In Shopify, open the order and request fulfillment again (or fulfil it from another location), or it will never ship.</source>
        <translation>Lageret har allerede sagt ja til at annullere {order} og stoppet arbejdet; en afvisning starter det ikke igen. Åbn ordren i Shopify, og anmod om forsendelse igen (eller send den fra en anden lokation), ellers bliver den aldrig sendt.</translation>
    </message>
    <message>
        <source>The warehouse refused to cancel: the parcel may already be packed or on its way. Decline the request, or contact the warehouse and refresh the order.</source>
        <translation>Lageret afviste at annullere: pakken er måske allerede pakket eller på vej. Afvis anmodningen, eller kontakt lageret og opdater ordren.</translation>
    </message>
    <message>
        <source>There is nothing to restock.</source>
        <translation>Der er intet at lægge på lager igen.</translation>
    </message>
    <message>
        <source>This is a consumer&apos;s withdrawal within the EU&apos;s 14 days: the law does not let the shop refuse it, and declining it can breach consumer law. Approve it instead, unless you know it is not a withdrawal (goods made to order, a business buyer).</source>
        <translation>Dette er en forbrugers fortrydelse inden for EU&apos;s 14 dage: loven tillader ikke butikken at afvise den, og en afvisning kan være i strid med forbrugerlovgivningen. Godkend den i stedet, medmindre du ved, at det ikke er en fortrydelse (varer fremstillet efter mål, en erhvervskunde).</translation>
    </message>
    <message>
        <source>This is a test order.</source>
        <translation>Dette er en testordre.</translation>
    </message>
    <message>
        <source>This order has already been cancelled.</source>
        <translation>Ordren er allerede annulleret.</translation>
    </message>
    <message>
        <source>Type the amount to refund in {currency}.</source>
        <translation>Skriv beløbet der skal refunderes, i {currency}.</translation>
    </message>
    <message>
        <source>Waiting for the warehouse to agree to cancel.</source>
        <translation>Venter på, at lageret siger ja til at annullere.</translation>
    </message>
    <message>
        <source>{gateway} does not send money back by itself: pay the customer {amount} yourself.</source>
        <translation>{gateway} sender ikke selv penge tilbage: betal kunden {amount} selv.</translation>
    </message>
    <message>
        <source>{services} has accepted this order: the warehouse must agree first, or Shopify refuses to cancel it. Nothing is refunded now; once the warehouse agrees, the request comes back for the cancel and refund.</source>
        <translation>{services} har taget imod denne ordre: lageret skal sige ja først, ellers afviser Shopify at annullere den. Der refunderes intet nu; når lageret siger ja, kommer anmodningen tilbage til annullering og refusion.</translation>
    </message>
</context>
<context>
    <name>ActionRunner</name>
    <message>
        <source>Another action for this order is on its way; sent after it.</source>
        <translation>En anden handling for denne ordre er på vej; denne sendes bagefter.</translation>
    </message>
    <message>
        <source>Match the request to an order first.</source>
        <translation>Knyt først anmodningen til en ordre.</translation>
    </message>
    <message>
        <source>No fulfillment service holds this order any more: decide it on its own.</source>
        <translation>Ingen fulfillment-tjeneste har denne ordre længere: beslut den for sig.</translation>
    </message>
    <message>
        <source>Shopify did not say which payment provider would refund part of this order, so CancelApp cannot send the refund. Handle it in Shopify.</source>
        <translation>Shopify oplyste ikke, hvilken betalingsudbyder der skulle refundere en del af denne ordre, så CancelApp kan ikke sende refunderingen. Håndtér den i Shopify.</translation>
    </message>
    <message>
        <source>Shopify did not work out a refund for this order, so CancelApp cannot show what would be refunded. Handle it in Shopify.</source>
        <translation>Shopify har ikke beregnet en refundering for denne ordre, så CancelApp kan ikke vise, hvad der ville blive refunderet. Håndtér den i Shopify.</translation>
    </message>
    <message>
        <source>The order no longer exists.</source>
        <translation>Ordren findes ikke længere.</translation>
    </message>
    <message>
        <source>The request was not found.</source>
        <translation>Anmodningen blev ikke fundet.</translation>
    </message>
    <message>
        <source>This order has more items or shipments than CancelApp can check at once. Handle it in Shopify.</source>
        <translation>Ordren har flere varer eller forsendelser, end CancelApp kan tjekke på én gang. Behandl den i Shopify.</translation>
    </message>
</context>
<context>
    <name>ApproveChoicesPanel</name>
    <message>
        <source>A statutory withdrawal: refunded in full, shipping included, to the original means of payment. No fee may be kept.</source>
        <translation>En lovpligtig fortrydelse: refunderes fuldt ud, fragt inklusive, til det oprindelige betalingsmiddel. Der må ikke beholdes noget gebyr.</translation>
    </message>
    <message>
        <source>Statutory withdrawal</source>
        <translation>Lovpligtig fortrydelse</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refusion</translation>
    </message>
    <message>
        <source>Another amount:</source>
        <translation>Et andet beløb:</translation>
    </message>
    <message>
        <source>Amount to refund</source>
        <translation>Beløb der refunderes</translation>
    </message>
    <message>
        <source>Amount problem</source>
        <translation>Problem med beløbet</translation>
    </message>
    <message>
        <source>Refund to</source>
        <translation>Refunder til</translation>
    </message>
    <message>
        <source>The original payment</source>
        <translation>Den oprindelige betaling</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Butikskredit</translation>
    </message>
    <message>
        <source>No refund</source>
        <translation>Ingen refusion</translation>
    </message>
    <message>
        <source>The customer expressly agreed to store credit</source>
        <translation>Kunden har udtrykkeligt accepteret butikskredit</translation>
    </message>
    <message>
        <source>Store credit expires on</source>
        <translation>Butikskreditten udløber den</translation>
    </message>
    <message>
        <source>Store credit expiry date</source>
        <translation>Butikskredittens udløbsdato</translation>
    </message>
    <message>
        <source>Items to cancel</source>
        <translation>Varer der annulleres</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Restock</source>
        <translation>Læg på lager</translation>
    </message>
    <message>
        <source>At</source>
        <translation>På</translation>
    </message>
    <message>
        <source> of {count}</source>
        <translation> af {count}</translation>
    </message>
    <message>
        <source>Units of {item} to cancel</source>
        <translation>Antal {item} der annulleres</translation>
    </message>
    <message>
        <source>Restock {item}</source>
        <translation>Læg {item} på lager</translation>
    </message>
    <message>
        <source>Where {item} goes back</source>
        <translation>Hvor {item} lægges på lager</translation>
    </message>
    <message>
        <source>Locations offered</source>
        <translation>Tilbudte lokationer</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Fragt</translation>
    </message>
    <message>
        <source>Let Shopify email the customer</source>
        <translation>Lad Shopify sende kunden en e-mail</translation>
    </message>
    <message>
        <source>Nothing was charged: the authorisation is voided</source>
        <translation>Intet er trukket: autorisationen annulleres</translation>
    </message>
    <message>
        <source>Nothing to refund: nothing was paid</source>
        <translation>Intet at refundere: der er ikke betalt noget</translation>
    </message>
    <message>
        <source>Refund without the shipping: {amount}</source>
        <translation>Refusion uden fragten: {amount}</translation>
    </message>
    <message>
        <source>Full refund: {amount}</source>
        <translation>Fuld refusion: {amount}</translation>
    </message>
    <message>
        <source>Keep the policy&apos;s fee of {fee}: refund {amount}</source>
        <translation>Behold politikkens gebyr på {fee}: refunder {amount}</translation>
    </message>
    <message>
        <source>Refund the shipping ({amount})</source>
        <translation>Refunder fragten ({amount})</translation>
    </message>
    <message>
        <source>Type the amount to refund, for example {example}.</source>
        <translation>Skriv beløbet der skal refunderes, for eksempel {example}.</translation>
    </message>
    <message>
        <source>{currency} has {places} decimals.</source>
        <translation>{currency} har {places} decimaler.</translation>
    </message>
    <message>
        <source>At most {amount} can be refunded for what is cancelled.</source>
        <translation>Der kan højst refunderes {amount} for det, der annulleres.</translation>
    </message>
</context>
<context>
    <name>AuditCheck</name>
    <message>
        <source>The restored data is from the backup of {time}, and the damaged file cannot say what CancelApp did after it. Check in Shopify the orders you cancelled, refunded or declined since then before deciding their requests again.</source>
        <translation>De gendannede data er fra sikkerhedskopien fra {time}, og den beskadigede fil kan ikke vise, hvad CancelApp gjorde derefter. Tjek i Shopify de ordrer, du har annulleret, refunderet eller afvist siden da, før du beslutter deres anmodninger igen.</translation>
    </message>
    <message>
        <source>The restored data is from the backup of {time}. It does not know what CancelApp did after that on orders {orders}: cancels, refunds or declines may have been carried out. Check these orders in Shopify before deciding their requests again.</source>
        <translation>De gendannede data er fra sikkerhedskopien fra {time}. De ved ikke, hvad CancelApp gjorde derefter med ordrerne {orders}: der kan være annulleret, refunderet eller afvist. Tjek disse ordrer i Shopify, før du beslutter deres anmodninger igen.</translation>
    </message>
    <message>
        <source>The audit log was changed outside CancelApp: entries were added to it by hand. It cannot settle a dispute as it is; keep this file and your backups.</source>
        <translation>Revisionsloggen er ændret uden for CancelApp: der er tilføjet poster i hånden. Som den er nu, kan den ikke afgøre en tvist; gem denne fil og dine sikkerhedskopier.</translation>
    </message>
    <message>
        <source>The audit log was changed outside CancelApp: the entry of {time} is not as CancelApp wrote it. From that entry on it cannot settle a dispute; keep this file and your backups.</source>
        <translation>Revisionsloggen er ændret uden for CancelApp: posten fra {time} er ikke, som CancelApp skrev den. Fra den post og frem kan den ikke afgøre en tvist; gem denne fil og dine sikkerhedskopier.</translation>
    </message>
    <message>
        <source>The audit log is shorter than when CancelApp last saw it: entries after {time} were removed, or the data file was replaced by an older copy outside CancelApp.</source>
        <translation>Revisionsloggen er kortere, end da CancelApp sidst så den: poster efter {time} er fjernet, eller datafilen er erstattet af en ældre kopi uden for CancelApp.</translation>
    </message>
    <message>
        <source>CancelApp&apos;s data was restored from a backup, as the audit log records. Entries written after the backup (the latest seen {time}) are in the damaged file kept beside it, not in the log.</source>
        <translation>CancelApps data blev gendannet fra en sikkerhedskopi, som revisionsloggen viser. Poster skrevet efter sikkerhedskopien (den seneste set {time}) ligger i den beskadigede fil ved siden af, ikke i loggen.</translation>
    </message>
    <message>
        <source>{count} older audit log entries were sealed with a key this computer&apos;s keychain does not hold (a session without a keychain); they cannot be checked.</source>
        <translation>{count} ældre poster i revisionsloggen blev forseglet med en nøgle, som denne computers nøglering ikke har (en session uden nøglering); de kan ikke kontrolleres.</translation>
    </message>
</context>
<context>
    <name>AuditEntryText</name>
    <message>
        <source>From the backup of {time}</source>
        <translation>Fra sikkerhedskopien fra {time}</translation>
    </message>
    <message>
        <source>Goes ahead at {time}</source>
        <translation>Udføres {time}</translation>
    </message>
    <message>
        <source>Held for: {reason}</source>
        <translation>Tilbageholdt på grund af: {reason}</translation>
    </message>
    <message>
        <source>Return {name}</source>
        <translation>Returnering {name}</translation>
    </message>
    <message>
        <source>To {to}: {subject}</source>
        <translation>Til {to}: {subject}</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Revisionslog</translation>
    </message>
    <message>
        <source>Nothing has been done yet.</source>
        <translation>Der er ikke gjort noget endnu.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiér</translation>
    </message>
    <message>
        <source>Copy Shopify&apos;s ids for support</source>
        <translation>Kopiér Shopifys id&apos;er til support</translation>
    </message>
    <message>
        <source>For support: {ids}</source>
        <translation>Til support: {ids}</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Poster i revisionsloggen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksporter CSV…</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløb</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Hvad skete der</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Show error details</source>
        <translation>Vis detaljer om fejlen</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Kopiér rapport</translation>
    </message>
    <message>
        <source>Copy the error report for support</source>
        <translation>Kopiér fejlrapporten til support</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Luk beskeden</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Vis detaljer</translation>
    </message>
    <message>
        <source>{message} (×{count})</source>
        <translation>{message} (×{count})</translation>
    </message>
</context>
<context>
    <name>BulkConfirmDialog</name>
    <message>
        <source>Approve selected requests</source>
        <translation>Godkend markerede anmodninger</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n order(s)</source>
        <translation>
            <numerusform>Godkend %n ordre</numerusform>
            <numerusform>Godkend %n ordrer</numerusform>
        </translation>
    </message>
    <message>
        <source>Decline selected requests</source>
        <translation>Afvis markerede anmodninger</translation>
    </message>
    <message numerus="yes">
        <source>Decline %n request(s)</source>
        <translation>
            <numerusform>Afvis %n anmodning</numerusform>
            <numerusform>Afvis %n anmodninger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n order(s) at a time, to stay within Shopify&apos;s rate limit. Each order is checked against Shopify again just before it is sent and is kept on its own in the journal, so one that fails does not hold up the others.</source>
        <translation>
            <numerusform>Sendes %n ordre ad gangen for at holde sig inden for Shopifys grænse for forespørgsler. Hver ordre tjekkes igen hos Shopify lige før den sendes og føres for sig i journalen, så én, der fejler, ikke holder de andre tilbage.</numerusform>
            <numerusform>Sendes %n ordrer ad gangen for at holde sig inden for Shopifys grænse for forespørgsler. Hver ordre tjekkes igen hos Shopify lige før den sendes og føres for sig i journalen, så én, der fejler, ikke holder de andre tilbage.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent when your undo window of {seconds} s is over; until then one Undo (Ctrl+Z) takes back all of them.</source>
        <translation>Sendes, når din tid til at fortryde på {seconds} sek. er gået; indtil da tager ét Fortryd (Ctrl+Z) dem alle tilbage.</translation>
    </message>
    <message>
        <source>Sent as soon as you confirm: your undo window is off (Settings), so they cannot be taken back.</source>
        <translation>Sendes, så snart du bekræfter: tid til at fortryde er slået fra (Indstillinger), så de kan ikke tages tilbage.</translation>
    </message>
    <message>
        <source>When they are sent</source>
        <translation>Hvornår de sendes</translation>
    </message>
    <message>
        <source>CancelApp sends no reply when it decides several requests at once, so the customers counted under Not emailed will not be told by email. To reply to them, choose Do nothing and decide those requests one at a time: each decision shows its reply to the customer before it is sent.</source>
        <translation>CancelApp sender intet svar, når den afgør flere anmodninger på én gang, så kunderne talt under Får ingen e-mail får ikke besked pr. e-mail. Vil du svare dem, så vælg Gør ingenting og afgør anmodningerne én ad gangen: hver beslutning viser sit svar til kunden, før det sendes.</translation>
    </message>
    <message>
        <source>Customers not emailed</source>
        <translation>Kunder uden e-mail</translation>
    </message>
    <message numerus="yes">
        <source>The warehouse must agree first (%n): a fulfillment service has accepted these orders, so CancelApp asks it to cancel them. Nothing is refunded now; once the warehouse agrees, each request comes back for the cancel and refund.</source>
        <translation>
            <numerusform>Lageret skal sige ja først (%n): en fulfillment-tjeneste har taget imod ordren, så CancelApp beder den om at annullere. Der refunderes intet nu; når lageret siger ja, kommer anmodningen tilbage til annullering og refusion.</numerusform>
            <numerusform>Lageret skal sige ja først (%n): en fulfillment-tjeneste har taget imod disse ordrer, så CancelApp beder den om at annullere dem. Der refunderes intet nu; når lageret siger ja, kommer hver anmodning tilbage til annullering og refusion.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warehouse asked first</source>
        <translation>Lageret spørges først</translation>
    </message>
    <message numerus="yes">
        <source>Left out (%n):</source>
        <translation>
            <numerusform>Udeladt (%n):</numerusform>
            <numerusform>Udeladt (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests left out</source>
        <translation>Udeladte anmodninger</translation>
    </message>
    <message>
        <source>Do nothing</source>
        <translation>Gør ingenting</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Ordrer</translation>
    </message>
    <message>
        <source>Refund in total</source>
        <translation>Refusion i alt</translation>
    </message>
    <message>
        <source>No money is refunded</source>
        <translation>Der refunderes ingen penge</translation>
    </message>
    <message>
        <source>Orders with nothing to refund</source>
        <translation>Ordrer uden noget at refundere</translation>
    </message>
    <message>
        <source>Units restocked</source>
        <translation>Enheder lagt på lager igen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Emailed by Shopify</source>
        <translation>Får en e-mail fra Shopify</translation>
    </message>
    <message>
        <source>Not emailed</source>
        <translation>Får ingen e-mail</translation>
    </message>
    <message>
        <source>Total, as listed</source>
        <translation>Total, som i listen</translation>
    </message>
    <message>
        <source>Customers get back</source>
        <translation>Kunderne får tilbage</translation>
    </message>
    <message>
        <source>{order}: {why}</source>
        <translation>{order}: {why}</translation>
    </message>
</context>
<context>
    <name>BulkDecisions</name>
    <message>
        <source>A consumer&apos;s withdrawal the law does not let you refuse: decide it on its own.</source>
        <translation>En forbrugers fortrydelse, som loven ikke lader dig afvise: afgør den for sig.</translation>
    </message>
    <message>
        <source>Already decided.</source>
        <translation>Allerede afgjort.</translation>
    </message>
    <message>
        <source>An action for this order is already on its way.</source>
        <translation>En handling for denne ordre er allerede undervejs.</translation>
    </message>
    <message>
        <source>No order is linked to this request.</source>
        <translation>Ingen ordre er knyttet til denne anmodning.</translation>
    </message>
    <message>
        <source>Not started: you pressed Stop.</source>
        <translation>Ikke startet: du trykkede på Stop.</translation>
    </message>
    <message>
        <source>The request no longer exists.</source>
        <translation>Anmodningen findes ikke længere.</translation>
    </message>
    <message>
        <source>Verdict Deny: decide it on its own.</source>
        <translation>Vurdering Afvis: afgør den for sig.</translation>
    </message>
    <message>
        <source>Verdict Review: decide it on its own.</source>
        <translation>Vurdering Gennemse: afgør den for sig.</translation>
    </message>
</context>
<context>
    <name>BulkFlow</name>
    <message>
        <source>Some orders of your bulk action could not be taken back yet: press Undo (Ctrl+Z) before you quit, or they are sent at the next start. Close again to quit anyway.</source>
        <translation>Nogle ordrer fra din samlede handling kunne endnu ikke fortrydes: tryk Fortryd (Ctrl+Z), før du afslutter, ellers sendes de ved næste start. Luk igen for at afslutte alligevel.</translation>
    </message>
    <message numerus="yes">
        <source>Decline %n request(s)</source>
        <translation>
            <numerusform>Afvis %n anmodning</numerusform>
            <numerusform>Afvis %n anmodninger</numerusform>
        </translation>
    </message>
    <message>
        <source>Why are these requests declined? The reason goes on each order&apos;s note; for requests made in Shopify, Shopify sends it to the customer.</source>
        <translation>Hvorfor afvises disse anmodninger? Begrundelsen skrives i hver ordres note; for anmodninger lavet i Shopify sender Shopify den til kunden.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsæt</translation>
    </message>
    <message>
        <source>Approve selected stopped: nothing was approved.</source>
        <translation>Godkend markerede stoppet: intet blev godkendt.</translation>
    </message>
    <message>
        <source>Decline selected stopped: nothing was declined.</source>
        <translation>Afvis markerede stoppet: intet blev afvist.</translation>
    </message>
    <message>
        <source>Reading 1 order from Shopify… the first read of your store is still running. Esc stops.</source>
        <translation>Læser 1 ordre fra Shopify… den første læsning af din butik kører stadig. Esc stopper.</translation>
    </message>
    <message>
        <source>Reading {count} orders from Shopify… the first read of your store is still running. Esc stops.</source>
        <translation>Læser {count} ordrer fra Shopify… den første læsning af din butik kører stadig. Esc stopper.</translation>
    </message>
    <message>
        <source>Reading 1 order from Shopify… Esc stops.</source>
        <translation>Læser 1 ordre fra Shopify… Esc stopper.</translation>
    </message>
    <message>
        <source>Reading {count} orders from Shopify… Esc stops.</source>
        <translation>Læser {count} ordrer fra Shopify… Esc stopper.</translation>
    </message>
    <message>
        <source>1 order: sent at {time} unless you undo it (Ctrl+Z).</source>
        <translation>1 ordre: sendes kl. {time}, medmindre du fortryder (Ctrl+Z).</translation>
    </message>
    <message>
        <source>{count} orders: sent at {time} unless you undo them (Ctrl+Z).</source>
        <translation>{count} ordrer: sendes kl. {time}, medmindre du fortryder (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Your bulk action: {order} failed. {why}</source>
        <translation>Din samlede handling: {order} mislykkedes. {why}</translation>
    </message>
    <message>
        <source>Took back 1 decision.</source>
        <translation>Fortrød 1 beslutning.</translation>
    </message>
    <message>
        <source>Took back {taken} decisions.</source>
        <translation>Fortrød {taken} beslutninger.</translation>
    </message>
    <message>
        <source>Took back {taken}; 1 was already sent.</source>
        <translation>Fortrød {taken}; 1 var allerede sendt.</translation>
    </message>
    <message>
        <source>Took back {taken}; {left} were already sent.</source>
        <translation>Fortrød {taken}; {left} var allerede sendt.</translation>
    </message>
    <message>
        <source>{count} could not be taken back; press Undo again.</source>
        <translation>{count} kunne ikke fortrydes; tryk Fortryd igen.</translation>
    </message>
    <message>
        <source>The decisions could not all be queued, and {count} could not be taken back: press Undo (Ctrl+Z) to take them back.</source>
        <translation>Beslutningerne kunne ikke alle sættes i kø, og {count} kunne ikke fortrydes: tryk Fortryd (Ctrl+Z) for at fortryde dem.</translation>
    </message>
    <message>
        <source>Approve selected: nothing was approved and nothing was sent. {reason} Approve them again once the status bar says Online.</source>
        <translation>Godkend markerede: intet blev godkendt, og intet blev sendt. {reason} Godkend dem igen, når statuslinjen viser Online.</translation>
    </message>
    <message>
        <source>Decline selected: nothing was declined and nothing was sent. {reason} Decline them again once the status bar says Online.</source>
        <translation>Afvis markerede: intet blev afvist, og intet blev sendt. {reason} Afvis dem igen, når statuslinjen viser Online.</translation>
    </message>
    <message>
        <source>For support: {detail}</source>
        <translation>Til support: {detail}</translation>
    </message>
</context>
<context>
    <name>BulkProgressDialog</name>
    <message>
        <source>Approving selected requests</source>
        <translation>Godkender markerede anmodninger</translation>
    </message>
    <message>
        <source>Declining selected requests</source>
        <translation>Afviser markerede anmodninger</translation>
    </message>
    <message>
        <source>Orders done</source>
        <translation>Færdige ordrer</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Ordrer</translation>
    </message>
    <message>
        <source>Waiting for Shopify</source>
        <translation>Venter på Shopify</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Opsummering</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Start no further orders; those already sent finish</source>
        <translation>Start ikke flere ordrer; dem, der allerede er sendt, gøres færdige</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>venter</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>sender…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>færdig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislykkedes</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>ikke startet</translation>
    </message>
    <message>
        <source>taken back; nothing sent</source>
        <translation>fortrudt; intet sendt</translation>
    </message>
    <message>
        <source>queued until Shopify can be reached</source>
        <translation>i kø, til Shopify kan nås</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>i kø</translation>
    </message>
    <message>
        <source>asked the warehouse; waiting for its answer</source>
        <translation>lageret er spurgt; venter på svar</translation>
    </message>
    <message>
        <source>sent; waiting for Shopify to confirm</source>
        <translation>sendt; venter på Shopifys bekræftelse</translation>
    </message>
    <message>
        <source>{order}: {state}</source>
        <translation>{order}: {state}</translation>
    </message>
    <message>
        <source>Shopify has not answered for {seconds} s. Close: {orders} finishes in the background; its result will show in the queue.</source>
        <translation>Shopify har ikke svaret i {seconds} s. Luk: {orders} gøres færdig i baggrunden; resultatet vises i køen.</translation>
    </message>
    <message>
        <source>Shopify has not answered for {seconds} s. Close: {orders} finish in the background; their results will show in the queue.</source>
        <translation>Shopify har ikke svaret i {seconds} s. Luk: {orders} gøres færdige i baggrunden; resultaterne vises i køen.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stoppet</translation>
    </message>
    <message>
        <source>Shopify has not answered for {seconds} s; {orders} is on its way, the rest wait.</source>
        <translation>Shopify har ikke svaret i {seconds} s; {orders} er på vej, resten venter.</translation>
    </message>
    <message>
        <source>Shopify has not answered for {seconds} s; {orders} are on their way, the rest wait.</source>
        <translation>Shopify har ikke svaret i {seconds} s; {orders} er på vej, resten venter.</translation>
    </message>
    <message>
        <source>Shopify has not answered for {seconds} s; {orders} is on its way.</source>
        <translation>Shopify har ikke svaret i {seconds} s; {orders} er på vej.</translation>
    </message>
    <message>
        <source>Shopify has not answered for {seconds} s; {orders} are on their way.</source>
        <translation>Shopify har ikke svaret i {seconds} s; {orders} er på vej.</translation>
    </message>
    <message numerus="yes">
        <source>%n succeeded</source>
        <translation>
            <numerusform>%n lykkedes</numerusform>
            <numerusform>%n lykkedes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent; Shopify has yet to confirm</source>
        <translation>
            <numerusform>%n sendt; Shopify har endnu ikke bekræftet</numerusform>
            <numerusform>%n sendt; Shopify har endnu ikke bekræftet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed (see why above)</source>
        <translation>
            <numerusform>%n mislykkedes (se hvorfor ovenfor)</numerusform>
            <numerusform>%n mislykkedes (se hvorfor ovenfor)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not started</source>
        <translation>
            <numerusform>%n ikke startet</numerusform>
            <numerusform>%n ikke startet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n taken back</source>
        <translation>
            <numerusform>%n fortrudt</numerusform>
            <numerusform>%n fortrudt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still queued: press Undo</source>
        <translation>
            <numerusform>%n stadig i kø: tryk Fortryd</numerusform>
            <numerusform>%n stadig i kø: tryk Fortryd</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopper…</translation>
    </message>
</context>
<context>
    <name>CancelReason</name>
    <message>
        <source>Changed their mind</source>
        <translation>Har fortrudt</translation>
    </message>
    <message>
        <source>Delivery takes too long</source>
        <translation>Leveringen tager for lang tid</translation>
    </message>
    <message>
        <source>Found it cheaper</source>
        <translation>Fundet billigere</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>Ikke længere brug for den</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>Ingen årsag givet</translation>
    </message>
    <message>
        <source>Ordered twice</source>
        <translation>Bestilt to gange</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Anden årsag</translation>
    </message>
    <message>
        <source>Payment problem</source>
        <translation>Problem med betalingen</translation>
    </message>
    <message>
        <source>Wrong delivery address</source>
        <translation>Forkert leveringsadresse</translation>
    </message>
    <message>
        <source>Wrong size, colour or item</source>
        <translation>Forkert størrelse, farve eller vare</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check the connection</source>
        <translation>Tjek forbindelsen</translation>
    </message>
    <message>
        <source>CancelApp asks your store who it is and what it may do.</source>
        <translation>CancelApp spørger din butik, hvem den er, og hvad CancelApp må gøre.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Tjek &amp;igen</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Forbindelsesstatus</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Tjekker forbindelsen…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Ikke forbundet.</translation>
    </message>
    <message>
        <source>Connected to {shop}, but the app is missing access scopes. Add them to the app, release a new version, install it again, then check again.</source>
        <translation>Forbundet til {shop}, men appen mangler adgangsområder (scopes). Tilføj dem til appen, udgiv en ny version, installer den igen, og tjek så igen.</translation>
    </message>
    <message>
        <source>Connected to {shop}, which sells in {currency}. Press {finish} to save it.</source>
        <translation>Forbundet til {shop}, som sælger i {currency}. Vælg {finish} for at gemme.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
</context>
<context>
    <name>ConfirmActionDialog</name>
    <message>
        <source>Confirm: {order}</source>
        <translation>Bekræft: {order}</translation>
    </message>
    <message>
        <source>Confirm action</source>
        <translation>Bekræft handling</translation>
    </message>
    <message>
        <source>Shopify cannot be reached: this is from the copy of the order read {ago}. The decision is queued and carried out once Shopify answers, if the order has not changed meanwhile.</source>
        <translation>Shopify kan ikke nås: dette bygger på kopien af ordren, der blev læst {ago}. Beslutningen sættes i kø og udføres, når Shopify svarer, hvis ordren ikke er ændret i mellemtiden.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
    <message>
        <source>Message to the warehouse:</source>
        <translation>Besked til lageret:</translation>
    </message>
    <message>
        <source>Preview status</source>
        <translation>Forhåndsvisningens status</translation>
    </message>
    <message>
        <source>Message to the warehouse</source>
        <translation>Besked til lageret</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>Tegn brugt</translation>
    </message>
    <message>
        <source>Do nothing</source>
        <translation>Gør ingenting</translation>
    </message>
    <message>
        <source>Working out the refund…</source>
        <translation>Beregner refusionen…</translation>
    </message>
    <message>
        <source>{used} of {limit} characters</source>
        <translation>{used} af {limit} tegn</translation>
    </message>
    <message>
        <source>Shorten the message by {excess} to send it.</source>
        <translation>Gør beskeden {excess} tegn kortere for at sende den.</translation>
    </message>
    <message>
        <source>Refund via {gateway}</source>
        <translation>Refunder via {gateway}</translation>
    </message>
    <message>
        <source>{amount}, expires {date}</source>
        <translation>{amount}, udløber {date}</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Butikskredit</translation>
    </message>
    <message>
        <source>Refund in total</source>
        <translation>Refusion i alt</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refusion</translation>
    </message>
    <message>
        <source>No money is refunded</source>
        <translation>Der refunderes ingen penge</translation>
    </message>
    <message>
        <source>Fee kept</source>
        <translation>Tilbageholdt gebyr</translation>
    </message>
    <message>
        <source>Not refunded</source>
        <translation>Ikke refunderet</translation>
    </message>
    <message>
        <source>Shopify&apos;s own calculation</source>
        <translation>Shopifys egen beregning</translation>
    </message>
    <message>
        <source>its location</source>
        <translation>dens lokation</translation>
    </message>
    <message>
        <source>Restock</source>
        <translation>Læg på lager igen</translation>
    </message>
    <message>
        <source>{quantity} × {item} at {location}</source>
        <translation>{quantity} × {item} på {location}</translation>
    </message>
    <message>
        <source>Shipping hold</source>
        <translation>Tilbageholdt forsendelse</translation>
    </message>
    <message>
        <source>Customer email</source>
        <translation>E-mail til kunden</translation>
    </message>
    <message>
        <source>Email the customer</source>
        <translation>Send e-mail til kunden</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Tags added</source>
        <translation>Tilføjede tags</translation>
    </message>
    <message>
        <source>Order note</source>
        <translation>Ordrenote</translation>
    </message>
    <message>
        <source>Staff note</source>
        <translation>Personalenote</translation>
    </message>
</context>
<context>
    <name>ConfirmWithdrawalDialog</name>
    <message>
        <source>Accept withdrawal</source>
        <translation>Acceptér fortrydelse</translation>
    </message>
    <message>
        <source>Open the return in Shopify</source>
        <translation>Opret returneringen i Shopify</translation>
    </message>
</context>
<context>
    <name>ConnectScopes</name>
    <message>
        <source>see orders a fulfillment service (3PL) is packing</source>
        <translation>se ordrer, som en fulfillment-tjeneste (3PL) pakker</translation>
    </message>
    <message>
        <source>ask a fulfillment service (3PL) to stop an order</source>
        <translation>bede en fulfillment-tjeneste (3PL) om at stoppe en ordre</translation>
    </message>
    <message>
        <source>see returns already opened on an order</source>
        <translation>se returneringer, der allerede er åbnet på en ordre</translation>
    </message>
    <message>
        <source>read the cancellation window of your store&apos;s return policy, so your policy&apos;s own window applies instead</source>
        <translation>læse annulleringsfristen i din butiks returpolitik, så din politiks egen frist gælder i stedet</translation>
    </message>
    <message>
        <source>Without {scope} (optional), CancelApp cannot {consequence}.</source>
        <translation>Uden {scope} (valgfri) kan CancelApp ikke {consequence}.</translation>
    </message>
</context>
<context>
    <name>ConnectWizard</name>
    <message>
        <source>Shopify cannot be reached. Check the internet connection, then press Check again below to ask your store once more. Nothing is saved until your store answers.</source>
        <translation>Shopify kan ikke nås. Tjek internetforbindelsen, og tryk så på Tjek igen herunder for at spørge din butik igen. Intet gemmes, før din butik svarer.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong while connecting. The details are in CancelApp&apos;s log.</source>
        <translation>Noget uventet gik galt under forbindelsen. Detaljerne står i CancelApps log.</translation>
    </message>
    <message>
        <source>Connect a Shopify store</source>
        <translation>Forbind en Shopify-butik</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <source>Let CancelApp in</source>
        <translation>Giv CancelApp adgang</translation>
    </message>
    <message>
        <source>Paste what Shopify showed you.</source>
        <translation>Indsæt det, Shopify viste dig.</translation>
    </message>
    <message>
        <source>Paste what Shopify showed you. It is kept in your keychain.</source>
        <translation>Indsæt det, Shopify viste dig. Det gemmes i din nøglering.</translation>
    </message>
    <message>
        <source>Client ID and secret from a Dev Dashboard app (&amp;recommended)</source>
        <translation>Klient-id og klienthemmelighed fra en Dev Dashboard-app (&amp;anbefalet)</translation>
    </message>
    <message>
        <source>An Admin API access &amp;token from an existing app</source>
        <translation>Et Admin API-adgangs&amp;token fra en eksisterende app</translation>
    </message>
    <message>
        <source>Client &amp;ID</source>
        <translation>Klient-&amp;id</translation>
    </message>
    <message>
        <source>Client &amp;secret</source>
        <translation>Klient&amp;hemmelighed</translation>
    </message>
    <message>
        <source>Access to&amp;ken</source>
        <translation>Adgangs&amp;token</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Klient-id</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Klienthemmelighed</translation>
    </message>
    <message>
        <source>Admin API access token</source>
        <translation>Admin API-adgangstoken</translation>
    </message>
    <message>
        <source>shpat_…</source>
        <translation>shpat_…</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import requests from {file}</source>
        <translation>Importer anmodninger fra {file}</translation>
    </message>
    <message>
        <source>{file}: {rows} rows, read as {encoding}</source>
        <translation>{file}: {rows} rækker, læst som {encoding}</translation>
    </message>
    <message numerus="yes">
        <source>%n row had text longer than {limit} characters; it was shortened (line {lines}).</source>
        <translation>
            <numerusform>%n række havde tekst på mere end {limit} tegn; den blev forkortet (linje {lines}).</numerusform>
            <numerusform>%n rækker havde tekst på mere end {limit} tegn; den blev forkortet (linje {lines}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows had text longer than {limit} characters; they were shortened (lines {lines}).</source>
        <translation>
            <numerusform>%n række havde tekst på mere end {limit} tegn; den blev forkortet (linje {lines}).</numerusform>
            <numerusform>%n rækker havde tekst på mere end {limit} tegn; teksten blev forkortet (linje {lines}).</numerusform>
        </translation>
    </message>
    <message>
        <source>As the file suggests</source>
        <translation>Som filen antyder</translation>
    </message>
    <message>
        <source>Day first (24/11/2026)</source>
        <translation>Dag først (24/11/2026)</translation>
    </message>
    <message>
        <source>Month first (11/24/2026)</source>
        <translation>Måned først (11/24/2026)</translation>
    </message>
    <message>
        <source>The shop&apos;s ({zone})</source>
        <translation>Butikkens ({zone})</translation>
    </message>
    <message>
        <source>This computer&apos;s ({zone})</source>
        <translation>Denne computers ({zone})</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>For times in the file that do not name their zone</source>
        <translation>For tidspunkter i filen, der ikke angiver deres tidszone</translation>
    </message>
    <message>
        <source>Time of the request</source>
        <translation>Tidspunkt for anmodningen</translation>
    </message>
    <message>
        <source>Customer&apos;s email</source>
        <translation>Kundens e-mail</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Ordrenummer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datoer</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Tidszone</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Modtaget</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>To be imported</source>
        <translation>Importeres</translation>
    </message>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>Rækker, der ikke kan importeres</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(ikke i filen)</translation>
    </message>
    <message>
        <source>Column {number}</source>
        <translation>Kolonne {number}</translation>
    </message>
    <message>
        <source>time</source>
        <translation>tidspunkt</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>ordrenummer</translation>
    </message>
    <message>
        <source>Choose the column with the {fields}.</source>
        <translation>Vælg kolonnen med {fields}.</translation>
    </message>
    <message numerus="yes">
        <source>%n request to import</source>
        <translation>
            <numerusform>%n anmodning at importere</numerusform>
            <numerusform>%n anmodninger at importere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests to import</source>
        <translation>
            <numerusform>%n anmodning at importere</numerusform>
            <numerusform>%n anmodninger at importere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row cannot be imported</source>
        <translation>
            <numerusform>%n række kan ikke importeres</numerusform>
            <numerusform>%n rækker kan ikke importeres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows cannot be imported</source>
        <translation>
            <numerusform>%n række kan ikke importeres</numerusform>
            <numerusform>%n rækker kan ikke importeres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row already imported</source>
        <translation>
            <numerusform>%n række er allerede importeret</numerusform>
            <numerusform>%n rækker er allerede importeret</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows already imported</source>
        <translation>
            <numerusform>%n række er allerede importeret</numerusform>
            <numerusform>%n rækker er allerede importeret</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvImportSummary</name>
    <message numerus="yes">
        <source>%n matched to an order</source>
        <translation>
            <numerusform>%n knyttet til en ordre</numerusform>
            <numerusform>%n knyttet til ordrer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched to orders</source>
        <translation>
            <numerusform>%n knyttet til en ordre</numerusform>
            <numerusform>%n knyttet til ordrer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row could not be read and was not imported (row {rows})</source>
        <translation>
            <numerusform>%n række kunne ikke læses og blev ikke importeret (række {rows})</numerusform>
            <numerusform>%n rækker kunne ikke læses og blev ikke importeret (rækkerne {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row was imported before</source>
        <translation>
            <numerusform>%n række var importeret før</numerusform>
            <numerusform>%n rækker var importeret før</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows could not be read and were not imported (rows {rows})</source>
        <translation>
            <numerusform>%n række kunne ikke læses og blev ikke importeret (række {rows})</numerusform>
            <numerusform>%n rækker kunne ikke læses og blev ikke importeret (rækkerne {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows were imported before</source>
        <translation>
            <numerusform>%n række var importeret før</numerusform>
            <numerusform>%n rækker var importeret før</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n whose order could not be matched is in Unmatched (row {rows})</source>
        <translation>
            <numerusform>%n, hvis ordre ikke kunne findes, ligger under Uden ordre (række {rows})</numerusform>
            <numerusform>%n, hvis ordrer ikke kunne findes, ligger under Uden ordre (rækkerne {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n whose orders could not be matched are in Unmatched (rows {rows})</source>
        <translation>
            <numerusform>%n, hvis ordre ikke kunne findes, ligger under Uden ordre (række {rows})</numerusform>
            <numerusform>%n, hvis ordrer ikke kunne findes, ligger under Uden ordre (rækkerne {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without an order number are in Unmatched (rows {rows})</source>
        <translation>
            <numerusform>%n uden ordrenummer ligger under Uden ordre (række {rows})</numerusform>
            <numerusform>%n uden ordrenummer ligger under Uden ordre (rækkerne {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without an order number is in Unmatched (row {rows})</source>
        <translation>
            <numerusform>%n uden ordrenummer ligger under Uden ordre (række {rows})</numerusform>
            <numerusform>%n uden ordrenummer ligger under Uden ordre (rækkerne {rows})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n request</source>
        <translation>
            <numerusform>Importerede %n anmodning</numerusform>
            <numerusform>Importerede %n anmodninger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n requests</source>
        <translation>
            <numerusform>Importerede %n anmodning</numerusform>
            <numerusform>Importerede %n anmodninger</numerusform>
        </translation>
    </message>
    <message>
        <source>Row {line}: {why}; it is in Unmatched</source>
        <translation>Række {line}: {why}; den ligger under Uden ordre</translation>
    </message>
    <message>
        <source>Row {line}: {why}; not imported</source>
        <translation>Række {line}: {why}; ikke importeret</translation>
    </message>
    <message>
        <source>no order number</source>
        <translation>intet ordrenummer</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} og {last}</translation>
    </message>
</context>
<context>
    <name>DatabaseUpkeep</name>
    <message>
        <source>Back up CancelApp&apos;s data</source>
        <translation>Sikkerhedskopiér CancelApps data</translation>
    </message>
    <message>
        <source>CancelApp backups (*.sqlite3)</source>
        <translation>CancelApp-sikkerhedskopier (*.sqlite3)</translation>
    </message>
    <message>
        <source>Data backed up to {file}.</source>
        <translation>Data sikkerhedskopieret til {file}.</translation>
    </message>
</context>
<context>
    <name>DecisionNotices</name>
    <message numerus="yes">
        <source>The customer wrote again after the decision: %n new message(s), marked below. Read them, then mark them read.</source>
        <translation>
            <numerusform>Kunden skrev igen efter beslutningen: %n ny besked, markeret nedenfor. Læs den, og markér den derefter som læst.</numerusform>
            <numerusform>Kunden skrev igen efter beslutningen: %n nye beskeder, markeret nedenfor. Læs dem, og markér dem derefter som læst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Markér som læst</translation>
    </message>
    <message>
        <source>Mark the new messages read</source>
        <translation>Markér de nye beskeder som læst</translation>
    </message>
    <message>
        <source>Open the earlier request</source>
        <translation>Åbn den tidligere anmodning</translation>
    </message>
    <message>
        <source>The buyer asked again later; that request is: {state}.</source>
        <translation>Køberen spurgte igen senere; den anmodning er: {state}.</translation>
    </message>
    <message>
        <source>Open the newer request</source>
        <translation>Åbn den nyere anmodning</translation>
    </message>
    <message>
        <source>This order was asked about before; that request is: {state}.</source>
        <translation>Der er spurgt om denne ordre før; den anmodning er: {state}.</translation>
    </message>
    <message>
        <source>This order was asked about before: approved by {who} on {day}.</source>
        <translation>Der er spurgt om denne ordre før: godkendt af {who} den {day}.</translation>
    </message>
    <message>
        <source>This order was asked about before: declined by {who} on {day}. Reason: {reason}</source>
        <translation>Der er spurgt om denne ordre før: afvist af {who} den {day}. Begrundelse: {reason}</translation>
    </message>
    <message>
        <source>This order was asked about before: declined by {who} on {day}, with no reason given.</source>
        <translation>Der er spurgt om denne ordre før: afvist af {who} den {day}, uden begrundelse.</translation>
    </message>
    <message numerus="yes">
        <source>%n more request(s) for this order were decided before that.</source>
        <translation>
            <numerusform>%n anmodning mere om denne ordre blev afgjort før den.</numerusform>
            <numerusform>%n anmodninger mere om denne ordre blev afgjort før den.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailFlow</name>
    <message>
        <source>Shopify must be reachable to release a hold.</source>
        <translation>Shopify skal kunne nås for at frigive et tilbagehold.</translation>
    </message>
    <message>
        <source>Only a summary of {order} is cached: the full order loads when online.</source>
        <translation>Der er kun gemt en oversigt over {order}: hele ordren hentes, når der er forbindelse.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Request details</source>
        <translation>Anmodningens detaljer</translation>
    </message>
    <message>
        <source>Select a request to see its order.</source>
        <translation>Vælg en anmodning for at se dens ordre.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Varer</translation>
    </message>
    <message>
        <source>Fulfillment</source>
        <translation>Forsendelse</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Beskeder</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>No order matched</source>
        <translation>Ingen ordre fundet</translation>
    </message>
    <message>
        <source>Order name</source>
        <translation>Ordrenavn</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <source>Test order</source>
        <translation>Testordre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Afgivet</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betaling</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Ingen registreret</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Order note</source>
        <translation>Ordrenote</translation>
    </message>
    <message>
        <source>Read from Shopify</source>
        <translation>Hentet fra Shopify</translation>
    </message>
    <message>
        <source>Order summary</source>
        <translation>Ordreoversigt</translation>
    </message>
    <message>
        <source>Order note: {note}</source>
        <translation>Ordrenote: {note}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Unfulfilled</source>
        <translation>Ikke sendt</translation>
    </message>
    <message>
        <source>Restock</source>
        <translation>Læg på lager igen</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Declined by {who} on {day}.</source>
        <translation>Afvist af {who} den {day}.</translation>
    </message>
    <message>
        <source>Approved by {who} on {day}, nothing refunded.</source>
        <translation>Godkendt af {who} den {day}, intet refunderet.</translation>
    </message>
    <message>
        <source>Approved by {who} on {day}, refunded {amount}.</source>
        <translation>Godkendt af {who} den {day}, refunderet {amount}.</translation>
    </message>
    <message>
        <source>EU right of withdrawal: the period ended on {day}; the statement was sent {sent}.</source>
        <translation>EU-fortrydelsesret: fristen udløb {day}; meddelelsen blev sendt {sent}.</translation>
    </message>
    <message>
        <source>EU right of withdrawal: the goods are not delivered yet (or no delivery date is known), so the 14-day period has not started.</source>
        <translation>EU-fortrydelsesret: varerne er ikke leveret endnu (eller leveringsdatoen er ukendt), så fristen på 14 dage er ikke begyndt.</translation>
    </message>
    <message>
        <source>EU right of withdrawal: the period ends on {day}.</source>
        <translation>EU-fortrydelsesret: fristen udløber {day}.</translation>
    </message>
    <message>
        <source>Statement sent {sent}.</source>
        <translation>Meddelelsen sendt {sent}.</translation>
    </message>
    <message>
        <source>Acknowledgement of receipt prepared {when}.</source>
        <translation>Kvittering for modtagelsen klargjort {when}.</translation>
    </message>
    <message>
        <source>Refunded.</source>
        <translation>Tilbagebetalt.</translation>
    </message>
    <message>
        <source>Refund due by {day} (Art. 13).</source>
        <translation>Tilbagebetaling senest {day} (art. 13).</translation>
    </message>
    <message>
        <source>The refund is overdue.</source>
        <translation>Tilbagebetalingen er forfalden.</translation>
    </message>
    <message numerus="yes">
        <source>The refund is due in %n day(s).</source>
        <translation>
            <numerusform>Tilbagebetalingen forfalder om %n dag.</numerusform>
            <numerusform>Tilbagebetalingen forfalder om %n dage.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not carried out, nothing was sent: the order changed after your decision.</source>
        <translation>Ikke udført, intet blev sendt: ordren blev ændret efter din beslutning.</translation>
    </message>
    <message>
        <source>Your reason is kept for the next decline: {reason}</source>
        <translation>Din begrundelse er gemt til næste afvisning: {reason}</translation>
    </message>
    <message>
        <source>Decide again.</source>
        <translation>Beslut igen.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Unknown location</source>
        <translation>Ukendt lokation</translation>
    </message>
    <message>
        <source>fulfillment service {name}</source>
        <translation>fulfillment-tjenesten {name}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ingen begrundelse angivet</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier messages are not shown.</source>
        <translation>
            <numerusform>%n tidligere besked vises ikke.</numerusform>
            <numerusform>%n tidligere beskeder vises ikke.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(ingen tekst)</translation>
    </message>
    <message>
        <source>Message from the customer</source>
        <translation>Besked fra kunden</translation>
    </message>
    <message>
        <source>The rule &quot;{rule}&quot; would approve it, but: {condition}.</source>
        <translation>Reglen &quot;{rule}&quot; ville godkende den, men: {condition}.</translation>
    </message>
    <message>
        <source>Decided by the rule &quot;{rule}&quot;</source>
        <translation>Afgjort af reglen &quot;{rule}&quot;</translation>
    </message>
    <message>
        <source>&quot;{rule}&quot; did not apply: {condition}</source>
        <translation>&quot;{rule}&quot; gjaldt ikke: {condition}</translation>
    </message>
    <message>
        <source>Why not another rule? ({count})</source>
        <translation>Hvorfor ikke en anden regel? ({count})</translation>
    </message>
    <message>
        <source>Shopify ({app})</source>
        <translation>Shopify ({app})</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier events are not shown.</source>
        <translation>
            <numerusform>%n tidligere hændelse vises ikke.</numerusform>
            <numerusform>%n tidligere hændelser vises ikke.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Vurdering</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Open in Shopify admin</source>
        <translation>Åbn i Shopify admin</translation>
    </message>
    <message>
        <source>Open the order in the Shopify admin</source>
        <translation>Åbn ordren i Shopify admin</translation>
    </message>
    <message>
        <source>{queued}: CancelApp carries it out when it is due and Shopify can be reached, after checking that the order has not changed since your decision.</source>
        <translation>{queued}: CancelApp udfører den, når tiden er inde og Shopify kan nås, efter at have tjekket, at ordren ikke er ændret siden din beslutning.</translation>
    </message>
    <message>
        <source>On hold ({reasons})</source>
        <translation>Tilbageholdt ({reasons})</translation>
    </message>
    <message>
        <source>New since the decision</source>
        <translation>Ny siden beslutningen</translation>
    </message>
    <message>
        <source>After the decision</source>
        <translation>Efter beslutningen</translation>
    </message>
    <message>
        <source>Came in after the decision, dated before the order was placed</source>
        <translation>Kom efter beslutningen, dateret før ordren blev afgivet</translation>
    </message>
    <message>
        <source>Came in after the decision, dated before it</source>
        <translation>Kom efter beslutningen, dateret før den</translation>
    </message>
    <message>
        <source>[text shortened: {size}]</source>
        <translation>[tekst forkortet: {size}]</translation>
    </message>
    <message>
        <source>Suggested reply: {text}</source>
        <translation>Foreslået svar: {text}</translation>
    </message>
    <message>
        <source>Suggested: cancel the order</source>
        <translation>Forslag: annuller ordren</translation>
    </message>
    <message>
        <source>refund to the original payment</source>
        <translation>refunder til den oprindelige betaling</translation>
    </message>
    <message>
        <source>refund as store credit</source>
        <translation>refunder som butikskredit</translation>
    </message>
    <message>
        <source>no refund</source>
        <translation>ingen refusion</translation>
    </message>
    <message>
        <source>keep a fee of {fee}</source>
        <translation>behold et gebyr på {fee}</translation>
    </message>
    <message>
        <source>restock the items</source>
        <translation>læg varerne på lager igen</translation>
    </message>
    <message>
        <source>no restock</source>
        <translation>ingen genopfyldning af lager</translation>
    </message>
    <message>
        <source>email the customer</source>
        <translation>send e-mail til kunden</translation>
    </message>
    <message>
        <source>Request received ({source})</source>
        <translation>Anmodning modtaget ({source})</translation>
    </message>
    <message>
        <source>Decided: {outcome}, by {who}</source>
        <translation>Afgjort: {outcome}, af {who}</translation>
    </message>
</context>
<context>
    <name>FindOrderDialog</name>
    <message>
        <source>Find the order</source>
        <translation>Find ordren</translation>
    </message>
    <message>
        <source>Request from {sender}: no order number in the message.</source>
        <translation>Anmodning fra {sender}: intet ordrenummer i beskeden.</translation>
    </message>
    <message>
        <source>Request from {sender}, order as written: {order}. {why}</source>
        <translation>Anmodning fra {sender}, ordre som skrevet: {order}. {why}</translation>
    </message>
    <message>
        <source>Order number, customer email or name</source>
        <translation>Ordrenummer, kundens e-mail eller navn</translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation>Søg i ordrer</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Afgivet</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Varer</translation>
    </message>
    <message>
        <source>Read from</source>
        <translation>Læst fra</translation>
    </message>
    <message>
        <source>Orders found</source>
        <translation>Fundne ordrer</translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation>Svar til kunden</translation>
    </message>
    <message>
        <source>&amp;Link to this order</source>
        <translation>&amp;Knyt til denne ordre</translation>
    </message>
    <message>
        <source>&amp;Close with a reply…</source>
        <translation>&amp;Luk med et svar…</translation>
    </message>
    <message>
        <source>Close the request and write to the customer that the order was not found</source>
        <translation>Luk anmodningen og skriv til kunden, at ordren ikke blev fundet</translation>
    </message>
    <message>
        <source>Open in &amp;mail program</source>
        <translation>Åbn i &amp;mailprogram</translation>
    </message>
    <message>
        <source>Co&amp;py reply</source>
        <translation>Ko&amp;pier svar</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Søger…</translation>
    </message>
    <message>
        <source>Linking {order}…</source>
        <translation>Knytter {order} til…</translation>
    </message>
    <message>
        <source>Closing the request…</source>
        <translation>Lukker anmodningen…</translation>
    </message>
    <message>
        <source>{name} (no email address)</source>
        <translation>{name} (ingen e-mailadresse)</translation>
    </message>
    <message>
        <source>a customer who gave no name or email address</source>
        <translation>en kunde, der ikke har oplyst navn eller e-mailadresse</translation>
    </message>
    <message>
        <source>This request has no email address to compare with {order}&apos;s: I have checked that it is the customer&apos;s order</source>
        <translation>Denne anmodning har ingen e-mailadresse at sammenligne med den, {order} blev afgivet med: Jeg har tjekket, at det er kundens ordre</translation>
    </message>
    <message>
        <source>{order} has no email address to compare with the sender&apos;s {sender}: I have checked that it is the customer&apos;s order</source>
        <translation>{order} har ingen e-mailadresse at sammenligne med afsenderens {sender}: Jeg har tjekket, at det er kundens ordre</translation>
    </message>
    <message>
        <source>{order} was placed with {email}, not with the sender&apos;s {sender}: I have checked that it is the customer&apos;s order</source>
        <translation>{order} blev afgivet med {email}, ikke med afsenderens {sender}: Jeg har tjekket, at det er kundens ordre</translation>
    </message>
    <message>
        <source>(items load when linked)</source>
        <translation>(varerne hentes, når ordren knyttes til)</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) found.</source>
        <translation>
            <numerusform>%n ordre fundet.</numerusform>
            <numerusform>%n ordrer fundet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shopify, just now</source>
        <translation>Shopify, lige nu</translation>
    </message>
    <message>
        <source>This computer&apos;s copy, synced {when}</source>
        <translation>Kopien på denne computer, synkroniseret {when}</translation>
    </message>
    <message>
        <source>The request is closed. This reply is sent from your mailbox:</source>
        <translation>Anmodningen er lukket. Dette svar sendes fra din postkasse:</translation>
    </message>
    <message>
        <source>The request is closed. Send the customer this reply:</source>
        <translation>Anmodningen er lukket. Send kunden dette svar:</translation>
    </message>
    <message>
        <source>The request is closed. The customer left no email: copy the reply.</source>
        <translation>Anmodningen er lukket. Kunden har ikke givet en e-mail: kopiér svaret.</translation>
    </message>
    <message>
        <source>The reply is on the clipboard.</source>
        <translation>Svaret er kopieret til udklipsholderen.</translation>
    </message>
</context>
<context>
    <name>Formatter</name>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>for %n dag siden</numerusform>
            <numerusform>for %n dage siden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>for %n time siden</numerusform>
            <numerusform>for %n timer siden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>for %n min. siden</numerusform>
            <numerusform>for %n min. siden</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>lige nu</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} d</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} d {hours} t</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} t</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} t {minutes} min</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <source>Create the app in Shopify</source>
        <translation>Opret appen i Shopify</translation>
    </message>
    <message>
        <source>CancelApp talks to your store through an app that you create yourself.</source>
        <translation>CancelApp taler med din butik gennem en app, som du selv opretter.</translation>
    </message>
    <message>
        <source>1. Open Shopify&apos;s Dev Dashboard with the account that owns the store, and create an app called CancelApp.
2. Create a version of the app with the access scopes below, and release it.
3. Under protected customer data access, select why CancelApp needs it (customer service) and allow name, email and address, so requests are matched to customers and each order shows its customer and where it ships. Without it, Shopify sends those fields empty.
4. Install the app in your store.
5. Open the app&apos;s settings and copy its client ID and client secret into the next page.

Already have an Admin API access token from an older custom app? Skip to the next page.</source>
        <translation>1. Åbn Shopifys Dev Dashboard med den konto, der ejer butikken, og opret en app med navnet CancelApp.
2. Opret en version af appen med adgangsområderne (scopes) nedenfor, og udgiv den.
3. Under adgang til beskyttede kundedata skal du vælge, hvorfor CancelApp har brug for dem (kundeservice), og tillade navn, e-mail og adresse, så anmodninger knyttes til kunder, og hver ordre viser kunden og leveringsadressen. Uden den adgang sender Shopify de felter tomme.
4. Installer appen i din butik.
5. Åbn appens indstillinger, og kopier klient-id og klienthemmelighed ind på næste side.

Har du allerede et Admin API-adgangstoken fra en ældre brugerdefineret app? Så spring videre til næste side.</translation>
    </message>
    <message>
        <source>Access scopes CancelApp needs:</source>
        <translation>Adgangsområder (scopes), som CancelApp skal have:</translation>
    </message>
    <message>
        <source>Optional, for stores with a fulfillment service or returns:</source>
        <translation>Valgfrie, for butikker med en fulfillment-tjeneste eller returneringer:</translation>
    </message>
    <message>
        <source>&amp;Copy the scopes</source>
        <translation>&amp;Kopier adgangsområderne</translation>
    </message>
    <message>
        <source>Copy the access scopes</source>
        <translation>Kopier adgangsområderne</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>An email in {folder} received {received} was skipped because its content is damaged or in a form CancelApp cannot read. It is still in the mailbox; please read it there.</source>
        <translation>En e-mail i {folder}, modtaget {received}, blev sprunget over, fordi indholdet er beskadiget eller i en form, CancelApp ikke kan læse. Den ligger stadig i postkassen; læs den venligst der.</translation>
    </message>
    <message>
        <source>An email in {folder} was skipped because its content is damaged or in a form CancelApp cannot read. It is still in the mailbox; please read it there.</source>
        <translation>En e-mail i {folder} blev sprunget over, fordi indholdet er beskadiget eller i en form, CancelApp ikke kan læse. Den ligger stadig i postkassen; læs den venligst der.</translation>
    </message>
    <message>
        <source>Could not move requests to the mail folder {folder}</source>
        <translation>Kunne ikke flytte anmodninger til mappen {folder}</translation>
    </message>
    <message>
        <source>Could not reach the mail server {host}</source>
        <translation>Kunne ikke nå mailserveren {host}</translation>
    </message>
    <message>
        <source>No email to confirm that order {order} is the customer&apos;s</source>
        <translation>Ingen e-mail, der bekræfter, at ordre {order} er kundens</translation>
    </message>
    <message>
        <source>No order number and no email</source>
        <translation>Intet ordrenummer og ingen e-mail</translation>
    </message>
    <message>
        <source>No order number found in the message</source>
        <translation>Der er intet ordrenummer i beskeden</translation>
    </message>
    <message>
        <source>No order {order} in this store</source>
        <translation>Ordre {order} findes ikke i denne butik</translation>
    </message>
    <message>
        <source>No timestamp</source>
        <translation>Intet tidspunkt</translation>
    </message>
    <message>
        <source>Not a date and time: {value}</source>
        <translation>Ikke en dato og et klokkeslæt: {value}</translation>
    </message>
    <message>
        <source>Not an email address: {value}</source>
        <translation>Ikke en e-mailadresse: {value}</translation>
    </message>
    <message>
        <source>Not an order number: {value}</source>
        <translation>Ikke et ordrenummer: {value}</translation>
    </message>
    <message>
        <source>Order {order} belongs to another customer&apos;s email</source>
        <translation>Ordre {order} hører til en anden kundes e-mail</translation>
    </message>
    <message>
        <source>Row has {count} cells but the header has {width}</source>
        <translation>Rækken har {count} celler, men overskriften har {width}</translation>
    </message>
    <message>
        <source>Row is too short: no {column} column</source>
        <translation>Rækken er for kort: ingen kolonne {column}</translation>
    </message>
    <message>
        <source>Same as line {line}</source>
        <translation>Samme som linje {line}</translation>
    </message>
    <message>
        <source>Shopify&apos;s own cancellation requests could not be read: {reason} Other request sources keep working; this one can be turned off in the store&apos;s settings.</source>
        <translation>Shopifys egne annulleringsanmodninger kunne ikke læses: {reason} De andre kilder til anmodninger virker stadig; denne kan slås fra i butikkens indstillinger.</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>Filen er tom</translation>
    </message>
    <message>
        <source>The file is not a valid CSV file near line {line}</source>
        <translation>Filen er ikke en gyldig CSV-fil omkring linje {line}</translation>
    </message>
    <message>
        <source>The mail folder {folder} was not found</source>
        <translation>Mappen {folder} blev ikke fundet</translation>
    </message>
    <message>
        <source>The mail server renumbered the mailbox; all its messages were checked again</source>
        <translation>Mailserveren har nummereret postkassen om; alle dens beskeder er tjekket igen</translation>
    </message>
    <message>
        <source>The mail server {host} cannot move messages; requests were flagged instead</source>
        <translation>Mailserveren {host} kan ikke flytte beskeder; anmodningerne blev markeret i stedet</translation>
    </message>
    <message>
        <source>The mail server {host} did not prove its identity (certificate problem)</source>
        <translation>Mailserveren {host} kunne ikke bevise sin identitet (problem med certifikatet)</translation>
    </message>
    <message>
        <source>The mail server {host} does not offer an encrypted connection (STARTTLS)</source>
        <translation>Mailserveren {host} tilbyder ikke en krypteret forbindelse (STARTTLS)</translation>
    </message>
    <message>
        <source>The mail server {host} does not offer sign-in with Google or Microsoft (XOAUTH2 or OAUTHBEARER). Choose App password for this mailbox in Settings › Incoming requests.</source>
        <translation>Mailserveren {host} tilbyder ikke login med Google eller Microsoft (XOAUTH2 eller OAUTHBEARER). Vælg Adgangskode til app for denne postkasse under Indstillinger › Indkomne anmodninger.</translation>
    </message>
    <message>
        <source>The mail server {host} gave an unexpected answer</source>
        <translation>Mailserveren {host} gav et uventet svar</translation>
    </message>
    <message>
        <source>The mail server {host} refused the sign-in for {address}. Sign in again in Settings › Incoming requests; if it keeps happening, check that IMAP is switched on for the mailbox.</source>
        <translation>Mailserveren {host} afviste login for {address}. Log ind igen under Indstillinger › Indkomne anmodninger; sker det igen, så tjek at IMAP er slået til for postkassen.</translation>
    </message>
    <message>
        <source>The mail server {host} refused the user name or password</source>
        <translation>Mailserveren {host} afviste brugernavnet eller adgangskoden</translation>
    </message>
    <message>
        <source>This is a PDF file, not a CSV file. Export the requests as CSV from the program that made it (Google Forms: Responses &gt; Download responses).</source>
        <translation>Det er en PDF-fil, ikke en CSV-fil. Eksportér anmodningerne som CSV fra det program, der lavede den (Google Formularer: Svar &gt; Download svar).</translation>
    </message>
    <message>
        <source>This is a picture (JPEG), not a CSV file. Export the requests as CSV (Google Forms: Responses &gt; Download responses).</source>
        <translation>Det er et billede (JPEG), ikke en CSV-fil. Eksportér anmodningerne som CSV (Google Formularer: Svar &gt; Download svar).</translation>
    </message>
    <message>
        <source>This is a picture (PNG), not a CSV file. Export the requests as CSV (Google Forms: Responses &gt; Download responses).</source>
        <translation>Det er et billede (PNG), ikke en CSV-fil. Eksportér anmodningerne som CSV (Google Formularer: Svar &gt; Download svar).</translation>
    </message>
    <message>
        <source>This is an Excel file (or another zipped document), not a CSV file. Open it in Excel and save it with File &gt; Save As &gt; CSV, then import that file.</source>
        <translation>Det er en Excel-fil (eller et andet zippet dokument), ikke en CSV-fil. Åbn den i Excel, gem den med Filer &gt; Gem som &gt; CSV, og importér så den fil.</translation>
    </message>
    <message>
        <source>This is an old Excel (.xls) file, not a CSV file. Open it in Excel and save it with File &gt; Save As &gt; CSV, then import that file.</source>
        <translation>Det er en gammel Excel-fil (.xls), ikke en CSV-fil. Åbn den i Excel, gem den med Filer &gt; Gem som &gt; CSV, og importér så den fil.</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Butik</translation>
    </message>
    <message>
        <source>Connect a store first; then choose where its requests come from.</source>
        <translation>Forbind først en butik; vælg derefter, hvor dens anmodninger kommer fra.</translation>
    </message>
    <message>
        <source>Requests customers send through &amp;Shopify</source>
        <translation>Anmodninger, som kunder sender gennem &amp;Shopify</translation>
    </message>
    <message>
        <source>Orders &amp;tagged as a cancellation request</source>
        <translation>Ordrer med et &amp;tag for annulleringsanmodning</translation>
    </message>
    <message>
        <source>Tag that marks a cancellation request</source>
        <translation>Tag, der markerer en annulleringsanmodning</translation>
    </message>
    <message>
        <source>Exports of a contact or Google &amp;form (CSV)</source>
        <translation>Eksport fra en kontaktformular eller Google &amp;Formularer (CSV)</translation>
    </message>
    <message>
        <source>Requests sent by &amp;email</source>
        <translation>Anmodninger sendt via &amp;e-mail</translation>
    </message>
    <message>
        <source>EU right of withdrawal</source>
        <translation>EU-fortrydelsesret</translation>
    </message>
    <message>
        <source>Customers are told of their right of withdrawal (if not: 12 months more)</source>
        <translation>Kunderne oplyses om fortrydelsesretten (ellers: 12 måneder mere)</translation>
    </message>
    <message>
        <source>Orders with a company on them are business orders</source>
        <translation>Ordrer med et firma på er erhvervsordrer</translation>
    </message>
    <message>
        <source>Acknowledge each withdrawal on arrival, with its text and time of receipt</source>
        <translation>Kvittér for hver fortrydelse ved modtagelsen, med dens tekst og modtagelsestidspunkt</translation>
    </message>
    <message>
        <source>TLS (usually port 993)</source>
        <translation>TLS (normalt port 993)</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 143)</source>
        <translation>STARTTLS (normalt port 143)</translation>
    </message>
    <message>
        <source>Log in with</source>
        <translation>Log ind med</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Kryptering</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Sending replies (the same user name and password; leave empty to not send)</source>
        <translation>Afsendelse af svar (samme brugernavn og adgangskode; lad stå tomt for ikke at sende)</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (normalt port 587)</translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation>TLS (normalt port 465)</translation>
    </message>
    <message>
        <source>Outgoing mail server</source>
        <translation>Udgående mailserver</translation>
    </message>
    <message>
        <source>Outgoing port</source>
        <translation>Udgående port</translation>
    </message>
    <message>
        <source>Outgoing encryption</source>
        <translation>Udgående kryptering</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Afsenderadresse</translation>
    </message>
    <message>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <source>The user name</source>
        <translation>Brugernavnet</translation>
    </message>
    <message>
        <source>C&amp;heck the connection</source>
        <translation>&amp;Tjek forbindelsen</translation>
    </message>
    <message>
        <source>imap.example.com</source>
        <translation>imap.example.com</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>Lad feltet være tomt for at beholde den gemte adgangskode</translation>
    </message>
    <message>
        <source>Enter the mail server and user name first.</source>
        <translation>Angiv først mailserver og brugernavn.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Tjekker…</translation>
    </message>
    <message>
        <source>The connection could not be checked.</source>
        <translation>Forbindelsen kunne ikke tjekkes.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Approve</source>
        <translation>Godkend</translation>
    </message>
    <message>
        <source>Approve queued</source>
        <translation>Godkendelse i kø</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Godkender…</translation>
    </message>
    <message>
        <source>Ask the warehouse to cancel</source>
        <translation>Bed lageret om at annullere</translation>
    </message>
    <message>
        <source>Asking the warehouse…</source>
        <translation>Spørger lageret…</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Autoriseret</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Manuelt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullering</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <source>Close Shopify&apos;s request</source>
        <translation>Luk Shopifys anmodning</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Closed: no order found</source>
        <translation>Lukket: ingen ordre fundet</translation>
    </message>
    <message>
        <source>Database restored from a backup</source>
        <translation>Databasen gendannet fra en sikkerhedskopi</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Afvisning</translation>
    </message>
    <message>
        <source>Decline Shopify&apos;s request</source>
        <translation>Afvis Shopifys anmodning</translation>
    </message>
    <message>
        <source>Decline queued</source>
        <translation>Afvisning i kø</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <source>Declining…</source>
        <translation>Afviser…</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Afvis</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Udløbet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykkedes</translation>
    </message>
    <message>
        <source>Failed: order changed</source>
        <translation>Mislykkedes: ordren er ændret</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Høj risiko</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Tilbageholdelse</translation>
    </message>
    <message>
        <source>Hold queued</source>
        <translation>Tilbageholdelse i kø</translation>
    </message>
    <message>
        <source>Hold released</source>
        <translation>Frigivet</translation>
    </message>
    <message>
        <source>Holding…</source>
        <translation>Tilbageholder…</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>I gang</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Ufuldstændig</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Lav risiko</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Middel risiko</translation>
    </message>
    <message>
        <source>Messages after the decision read</source>
        <translation>Beskeder efter beslutningen læst</translation>
    </message>
    <message>
        <source>Needs decision</source>
        <translation>Skal afgøres</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Ny besked</translation>
    </message>
    <message>
        <source>No order found</source>
        <translation>Ingen ordre fundet</translation>
    </message>
    <message>
        <source>No risk assessed</source>
        <translation>Ingen risikovurdering</translation>
    </message>
    <message>
        <source>Not sent (stopped)</source>
        <translation>Ikke sendt (stoppet)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Tilbageholdt</translation>
    </message>
    <message>
        <source>Order tag</source>
        <translation>Ordretag</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>Partially fulfilled</source>
        <translation>Delvist sendt</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Delvist betalt</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <translation>Delvist refunderet</translation>
    </message>
    <message>
        <source>Partly cancelled</source>
        <translation>Delvist annulleret</translation>
    </message>
    <message>
        <source>Payment pending</source>
        <translation>Betaling afventer</translation>
    </message>
    <message>
        <source>Payment status unknown</source>
        <translation>Betalingsstatus ukendt</translation>
    </message>
    <message>
        <source>Pending fulfillment</source>
        <translation>Afventer forsendelse</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>I kø</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refusion</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunderet</translation>
    </message>
    <message>
        <source>Release queued</source>
        <translation>Frigivelse i kø</translation>
    </message>
    <message>
        <source>Release the hold</source>
        <translation>Frigiv tilbageholdelsen</translation>
    </message>
    <message>
        <source>Releasing…</source>
        <translation>Frigiver…</translation>
    </message>
    <message>
        <source>Reply copied to send yourself; not sent by CancelApp</source>
        <translation>Svar kopieret, så du selv kan sende det; ikke sendt af CancelApp</translation>
    </message>
    <message>
        <source>Reply not sent: no email address known</source>
        <translation>Svar ikke sendt: ingen e-mailadresse kendt</translation>
    </message>
    <message>
        <source>Reply not sent: no mailbox set up</source>
        <translation>Svar ikke sendt: ingen postkasse sat op</translation>
    </message>
    <message>
        <source>Reply opened in your mail program; not sent by CancelApp</source>
        <translation>Svar åbnet i dit mailprogram; ikke sendt af CancelApp</translation>
    </message>
    <message>
        <source>Reply sent to the customer</source>
        <translation>Svar sendt til kunden</translation>
    </message>
    <message>
        <source>Reply to the withdrawal written</source>
        <translation>Svar på fortrydelsen skrevet</translation>
    </message>
    <message>
        <source>Request declined</source>
        <translation>Anmodning afvist</translation>
    </message>
    <message>
        <source>Request matched to the order by hand</source>
        <translation>Anmodningen knyttet til ordren manuelt</translation>
    </message>
    <message>
        <source>Restock</source>
        <translation>Lagerregulering</translation>
    </message>
    <message>
        <source>Restocked</source>
        <translation>Lagt på lager igen</translation>
    </message>
    <message>
        <source>Return opened for the withdrawal</source>
        <translation>Retur oprettet for fortrydelsen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Gennemse</translation>
    </message>
    <message>
        <source>Risk check pending</source>
        <translation>Risikotjek afventer</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>Tag the order</source>
        <translation>Tag ordren</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Fortrudt</translation>
    </message>
    <message>
        <source>Unfulfilled</source>
        <translation>Ikke sendt</translation>
    </message>
    <message>
        <source>Unsent reply replaced by a new decision</source>
        <translation>Ikke-sendt svar erstattet af en ny beslutning</translation>
    </message>
    <message>
        <source>Unsent reply taken back with its decision</source>
        <translation>Ikke-sendt svar trukket tilbage sammen med beslutningen</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Ophævet</translation>
    </message>
    <message>
        <source>Warehouse ask queued</source>
        <translation>Lagerforespørgsel i kø</translation>
    </message>
    <message>
        <source>Withdrawal accepted</source>
        <translation>Fortrydelse accepteret</translation>
    </message>
    <message>
        <source>Withdrawal acknowledged</source>
        <translation>Kvitteret for fortrydelsen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>udført</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislykkedes</translation>
    </message>
    <message>
        <source>not sent, you pressed Stop</source>
        <translation>ikke sendt, du trykkede på Stop</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>i kø</translation>
    </message>
    <message>
        <source>started</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>stopped: the order changed</source>
        <translation>stoppet: ordren er ændret</translation>
    </message>
    <message>
        <source>taken back</source>
        <translation>trukket tilbage</translation>
    </message>
</context>
<context>
    <name>Mail</name>
    <message>
        <source>Reading mail from {host} works.</source>
        <translation>Læsning af mail fra {host} virker.</translation>
    </message>
    <message>
        <source>Copies of replies go to the folder {folder}.</source>
        <translation>Kopier af svarene lægges i mappen {folder}.</translation>
    </message>
    <message>
        <source>The mailbox marks no folder as Sent, so CancelApp cannot file a copy of the replies it sends.</source>
        <translation>Postkassen har ingen mappe markeret som Sendt, så CancelApp kan ikke gemme en kopi af de svar, den sender.</translation>
    </message>
    <message>
        <source>Sending replies through {host} works.</source>
        <translation>Afsendelse af svar gennem {host} virker.</translation>
    </message>
    <message>
        <source>Could not reach the mail server {host} to send</source>
        <translation>Kunne ikke nå mailserveren {host} for at sende</translation>
    </message>
    <message>
        <source>The mail server {host} did not prove its identity (certificate problem)</source>
        <translation>Mailserveren {host} beviste ikke sin identitet (problem med certifikatet)</translation>
    </message>
    <message>
        <source>The mail server {host} does not offer an encrypted connection (STARTTLS)</source>
        <translation>Mailserveren {host} tilbyder ikke en krypteret forbindelse (STARTTLS)</translation>
    </message>
    <message>
        <source>The mail server {host} refused the user name or password for sending</source>
        <translation>Mailserveren {host} afviste brugernavnet eller adgangskoden til afsendelse</translation>
    </message>
    <message>
        <source>The mail server {host} refused the reply: {answer}</source>
        <translation>Mailserveren {host} afviste svaret: {answer}</translation>
    </message>
    <message>
        <source>The connection to {host} was lost just as the reply was handed over, so it is not known whether it was sent</source>
        <translation>Forbindelsen til {host} blev afbrudt, netop som svaret blev afleveret, så det vides ikke, om det blev sendt</translation>
    </message>
    <message>
        <source>The reply to {order} was sent, but the mailbox has no folder marked as Sent, so no copy was filed</source>
        <translation>Svaret på {order} blev sendt, men postkassen har ingen mappe markeret som Sendt, så der blev ikke gemt en kopi</translation>
    </message>
    <message>
        <source>The reply to {order} was sent, but the mailbox refused to file a copy in {folder}, so it is not in your Sent folder yet; CancelApp tries again later</source>
        <translation>Svaret på {order} blev sendt, men postkassen afviste at gemme en kopi i {folder}, så det ligger ikke i din Sendt-mappe endnu; CancelApp prøver igen senere</translation>
    </message>
    <message>
        <source>The reply to {order} was not sent yet: {reason}</source>
        <translation>Svaret på {order} er ikke sendt endnu: {reason}</translation>
    </message>
    <message>
        <source>Replies to customers were not sent yet; CancelApp tries again: {reason}</source>
        <translation>Svar til kunder er ikke sendt endnu; CancelApp prøver igen: {reason}</translation>
    </message>
</context>
<context>
    <name>MailboxSignIn</name>
    <message>
        <source>App password</source>
        <translation>Adgangskode til app</translation>
    </message>
    <message>
        <source>Sign in with Google</source>
        <translation>Log ind med Google</translation>
    </message>
    <message>
        <source>Sign in with Microsoft 365</source>
        <translation>Log ind med Microsoft 365</translation>
    </message>
    <message>
        <source>How CancelApp logs in to the mailbox</source>
        <translation>Sådan logger CancelApp ind på postkassen</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Afbryd login</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Log ind…</translation>
    </message>
    <message>
        <source>CancelApp is signed in. You can close this page and go back to CancelApp.</source>
        <translation>CancelApp er logget ind. Du kan lukke denne side og gå tilbage til CancelApp.</translation>
    </message>
    <message>
        <source>Sign in in the browser window that opened…</source>
        <translation>Log ind i browservinduet, der blev åbnet…</translation>
    </message>
    <message>
        <source>CancelApp could not open a web browser. Open this address in a browser on this computer to sign in: {url}</source>
        <translation>CancelApp kunne ikke åbne en webbrowser. Åbn denne adresse i en browser på denne computer for at logge ind: {url}</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Login afbrudt.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong while signing in. The details are in CancelApp&apos;s log.</source>
        <translation>Noget uventet gik galt under login. Detaljerne står i CancelApps log.</translation>
    </message>
    <message>
        <source>Signed in as {address}</source>
        <translation>Logget ind som {address}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CancelApp</source>
        <translation>CancelApp</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;About CancelApp</source>
        <translation>&amp;Om CancelApp</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Godkend…</translation>
    </message>
    <message>
        <source>Approve: preview, then confirm</source>
        <translation>Godkend: se forhåndsvisning, og bekræft</translation>
    </message>
    <message>
        <source>&amp;Decline…</source>
        <translation>&amp;Afvis…</translation>
    </message>
    <message>
        <source>Decline the request</source>
        <translation>Afvis anmodningen</translation>
    </message>
    <message>
        <source>&amp;Hold…</source>
        <translation>&amp;Tilbagehold…</translation>
    </message>
    <message>
        <source>Put the order&apos;s shipping on hold</source>
        <translation>Tilbagehold ordrens forsendelse</translation>
    </message>
    <message>
        <source>&amp;Refresh order</source>
        <translation>&amp;Opdater ordre</translation>
    </message>
    <message>
        <source>Read the order again</source>
        <translation>Hent ordren igen</translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation>Tilføj &amp;note…</translation>
    </message>
    <message>
        <source>Add a note to the request</source>
        <translation>Tilføj en note til anmodningen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <source>Save a copy of all of CancelApp&apos;s data</source>
        <translation>Gem en kopi af alle CancelApps data</translation>
    </message>
    <message>
        <source>Save everything about this request as a PDF, for a dispute</source>
        <translation>Gem alt om denne anmodning som PDF til en tvist</translation>
    </message>
    <message>
        <source>Se&amp;lect all in this tab</source>
        <translation>&amp;Vælg alle i denne fane</translation>
    </message>
    <message>
        <source>Search the store for the order of a request without one</source>
        <translation>Søg i butikken efter ordren til en anmodning uden ordre</translation>
    </message>
    <message>
        <source>Take back the queued action</source>
        <translation>Tag den ventende handling tilbage</translation>
    </message>
    <message>
        <source>&amp;Next request</source>
        <translation>&amp;Næste anmodning</translation>
    </message>
    <message>
        <source>&amp;Back up data…</source>
        <translation>Sikkerheds&amp;kopiér data…</translation>
    </message>
    <message>
        <source>&amp;Find the order…</source>
        <translation>&amp;Find ordren…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastaturgenveje</translation>
    </message>
    <message>
        <source>&amp;Mark as read</source>
        <translation>&amp;Markér som læst</translation>
    </message>
    <message>
        <source>&amp;Previous request</source>
        <translation>Fo&amp;rrige anmodning</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge withdrawal…</source>
        <translation>&amp;Kvittér for fortrydelse…</translation>
    </message>
    <message>
        <source>Accept &amp;withdrawal…</source>
        <translation>Acceptér &amp;fortrydelse…</translation>
    </message>
    <message>
        <source>Approve &amp;selected…</source>
        <translation>Godkend &amp;markerede…</translation>
    </message>
    <message>
        <source>Approve every selected request whose verdict is Approve</source>
        <translation>Godkend alle markerede anmodninger med vurderingen Godkend</translation>
    </message>
    <message>
        <source>Decline every selected request with one reason</source>
        <translation>Afvis alle markerede anmodninger med én begrundelse</translation>
    </message>
    <message>
        <source>Decline s&amp;elected…</source>
        <translation>Afvis ma&amp;rkerede…</translation>
    </message>
    <message>
        <source>E&amp;xport record…</source>
        <translation>E&amp;ksporter forløb…</translation>
    </message>
    <message>
        <source>EU withdrawal after shipment: open a return and send return instructions</source>
        <translation>EU-fortrydelse efter afsendelse: opret en returnering og send returvejledning</translation>
    </message>
    <message>
        <source>Every key of this window and what it does</source>
        <translation>Alle taster i dette vindue, og hvad de gør</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Flere handlinger</translation>
    </message>
    <message>
        <source>Re&amp;move store…</source>
        <translation>Fj&amp;ern butik…</translation>
    </message>
    <message>
        <source>Rep&amp;orts…</source>
        <translation>Rapp&amp;orter…</translation>
    </message>
    <message>
        <source>S&amp;top reading the selected orders</source>
        <translation>&amp;Stop læsning af de markerede ordrer</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynkroniser nu</translation>
    </message>
    <message>
        <source>Stop Approve selected or Decline selected while the orders are read</source>
        <translation>Stop Godkend markerede eller Afvis markerede, mens ordrerne læses</translation>
    </message>
    <message>
        <source>The acknowledgement of the withdrawal&apos;s receipt, to send to the customer</source>
        <translation>Kvitteringen for modtagelsen af fortrydelsen, til kunden</translation>
    </message>
    <message>
        <source>The customer&apos;s messages after the decision were read</source>
        <translation>Kundens beskeder efter beslutningen er læst</translation>
    </message>
    <message>
        <source>What cancellations cost and why they happen</source>
        <translation>Hvad annulleringer koster, og hvorfor de sker</translation>
    </message>
    <message>
        <source>&amp;Connect store…</source>
        <translation>&amp;Forbind butik…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer CSV…</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Ny anmodning…</translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation>Revisions&amp;log…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>I&amp;ndstillinger…</translation>
    </message>
    <message>
        <source>&amp;Policy…</source>
        <translation>&amp;Politik…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>&amp;Anmodning</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Actions on the selected request</source>
        <translation>Handlinger for den valgte anmodning</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Butik:</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Butik</translation>
    </message>
    <message>
        <source>No store is connected yet. Choose File › Connect store… to add yours.</source>
        <translation>Der er endnu ingen butik forbundet. Vælg Filer › Forbind butik… for at tilføje din.</translation>
    </message>
    <message>
        <source>CancelApp has no saved credentials for {store}. Connect the store again (File › Connect store…) to sync and act on orders.</source>
        <translation>CancelApp har ingen gemte adgangsoplysninger til {store}. Forbind butikken igen (Filer › Forbind butik…) for at synkronisere og behandle ordrer.</translation>
    </message>
    <message>
        <source>Connect a store to sync.</source>
        <translation>Forbind en butik for at synkronisere.</translation>
    </message>
    <message numerus="yes">
        <source>Shopify is preparing %n orders…</source>
        <translation>
            <numerusform>Shopify forbereder %n ordre…</numerusform>
            <numerusform>Shopify forbereder %n ordrer…</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the orders with requests: %1 of %2</source>
        <translation>Læser ordrerne med anmodninger: %1 af %2</translation>
    </message>
    <message>
        <source>Reading the orders with requests in full in the background: %1 of %2</source>
        <translation>Læser ordrerne med anmodninger fuldt ud i baggrunden: %1 af %2</translation>
    </message>
    <message>
        <source>Syncing: reading the orders with requests in full…</source>
        <translation>Synkroniserer: henter ordrerne med anmodninger i fuld længde…</translation>
    </message>
    <message numerus="yes">
        <source>Reading the orders with requests: %n found</source>
        <translation>
            <numerusform>Læser ordrerne med anmodninger: %n fundet</numerusform>
            <numerusform>Læser ordrerne med anmodninger: %n fundet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading recent orders in the background: %n</source>
        <translation>
            <numerusform>Læser nyere ordrer i baggrunden: %n</numerusform>
            <numerusform>Læser nyere ordrer i baggrunden: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing: %n order</source>
        <translation>
            <numerusform>Synkroniserer: %n ordre</numerusform>
            <numerusform>Synkroniserer: %n ordrer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing: %n orders</source>
        <translation>
            <numerusform>Synkroniserer: %n ordre</numerusform>
            <numerusform>Synkroniserer: %n ordrer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending the acknowledgement of %n withdrawal(s).</source>
        <translation>
            <numerusform>Sender kvitteringen for %n fortrydelse. </numerusform>
            <numerusform> Sender kvitteringen for %n fortrydelser.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledgement of %n withdrawal(s) prepared.</source>
        <translation>
            <numerusform>Kvittering for %n fortrydelse klargjort.</numerusform>
            <numerusform>Kvittering for %n fortrydelser klargjort.</numerusform>
        </translation>
    </message>
    <message>
        <source>{store}: {message}</source>
        <translation>{store}: {message}</translation>
    </message>
    <message numerus="yes">
        <source>%n request imported.</source>
        <translation>
            <numerusform>%n anmodning importeret.</numerusform>
            <numerusform>%n anmodninger importeret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests imported.</source>
        <translation>
            <numerusform>%n anmodning importeret.</numerusform>
            <numerusform>%n anmodninger importeret.</numerusform>
        </translation>
    </message>
    <message>
        <source>{store} was removed from CancelApp.</source>
        <translation>{store} er fjernet fra CancelApp.</translation>
    </message>
    <message>
        <source>Something went wrong inside CancelApp, and what you just did may not have finished. Check the order in Shopify before doing it again.</source>
        <translation>Der gik noget galt i CancelApp, og det, du lige gjorde, er måske ikke blevet færdigt. Kontrollér ordren i Shopify, før du gør det igen.</translation>
    </message>
</context>
<context>
    <name>MenuDialogs</name>
    <message>
        <source>Connect a store first.</source>
        <translation>Forbind først en butik.</translation>
    </message>
    <message>
        <source>Import requests from a CSV file</source>
        <translation>Importer anmodninger fra en CSV-fil</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-filer (*.csv *.txt)</translation>
    </message>
    <message>
        <source>“{text}” is not an order number.</source>
        <translation>“{text}” er ikke et ordrenummer.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Eksporter revisionsloggen</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported.</source>
        <translation>
            <numerusform>%n post eksporteret.</numerusform>
            <numerusform>%n poster eksporteret.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <source>New cancellation request</source>
        <translation>Ny annulleringsanmodning</translation>
    </message>
    <message>
        <source>&amp;Order number</source>
        <translation>&amp;Ordrenummer</translation>
    </message>
    <message>
        <source>&amp;Customer (optional)</source>
        <translation>&amp;Kunde (valgfri)</translation>
    </message>
    <message>
        <source>&amp;What the customer said</source>
        <translation>&amp;Hvad kunden skrev</translation>
    </message>
    <message>
        <source>Add request</source>
        <translation>Tilføj anmodning</translation>
    </message>
</context>
<context>
    <name>OrderSearch</name>
    <message>
        <source>Only the cached orders were searched: CancelApp was not granted read_customers, which Shopify requires to search orders by email or name and to read who placed an order.</source>
        <translation>Kun de gemte ordrer blev søgt igennem: CancelApp har ikke fået read_customers, som Shopify kræver for at søge ordrer efter e-mail eller navn og for at se, hvem der afgav en ordre.</translation>
    </message>
    <message>
        <source>Orders older than 60 days cannot be found: CancelApp was not granted read_all_orders.</source>
        <translation>Ordrer ældre end 60 dage kan ikke findes: CancelApp har ikke fået read_all_orders.</translation>
    </message>
    <message>
        <source>Shopify cannot be reached: only the cached orders were searched.</source>
        <translation>Shopify kan ikke nås: kun de gemte ordrer blev søgt igennem.</translation>
    </message>
    <message>
        <source>Shopify found no order for this email or name. Shopify only searches emails and names when CancelApp has protected customer data access (name and email).</source>
        <translation>Shopify fandt ingen ordre med denne e-mail eller dette navn. Shopify søger kun i e-mails og navne, når CancelApp har adgang til beskyttede kundedata (navn og e-mail).</translation>
    </message>
</context>
<context>
    <name>OrderSections</name>
    <message numerus="yes">
        <source>%n more items are not shown.</source>
        <translation>
            <numerusform>%n vare mere vises ikke.</numerusform>
            <numerusform>%n varer mere vises ikke.</numerusform>
        </translation>
    </message>
    <message>
        <source>Let Shopify fulfill this part of the order again.</source>
        <translation>Lad Shopify sende denne del af ordren igen.</translation>
    </message>
    <message>
        <source>No customer record on this order: a guest checkout, or CancelApp may not read customers (the read_customers access scope).</source>
        <translation>Ordren har ingen kunde: et gæstekøb, eller CancelApp må ikke læse kunder (adgangsområdet read_customers).</translation>
    </message>
    <message>
        <source>No payment recorded yet ({gateways})</source>
        <translation>Ingen betaling registreret endnu ({gateways})</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <source>Of which shipping</source>
        <translation>Heraf fragt</translation>
    </message>
    <message>
        <source>On hold at {where}: {reason}</source>
        <translation>Tilbageholdt på {where}: {reason}</translation>
    </message>
    <message>
        <source>Orders: {count}</source>
        <translation>Ordrer: {count}</translation>
    </message>
    <message>
        <source>Orders: {count} · spent in all: {spent}</source>
        <translation>Ordrer: {count} · handlet for i alt: {spent}</translation>
    </message>
    <message>
        <source>Original total</source>
        <translation>Oprindelig total</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunderet</translation>
    </message>
    <message>
        <source>Release hold</source>
        <translation>Frigiv</translation>
    </message>
    <message>
        <source>SKU {sku}</source>
        <translation>Varenr. {sku}</translation>
    </message>
    <message>
        <source>Shipped: {what}</source>
        <translation>Sendt: {what}</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Fragt</translation>
    </message>
    <message>
        <source>Shipping ({method})</source>
        <translation>Fragt ({method})</translation>
    </message>
    <message>
        <source>Shopify must be reachable to release the hold.</source>
        <translation>Shopify skal kunne nås for at frigive tilbageholdet.</translation>
    </message>
    <message>
        <source>Shopify withholds the customer&apos;s name, email and address: CancelApp has no access to protected customer data. Allow it in the Dev Dashboard (see Connect a store&apos;s guide), then sync.</source>
        <translation>Shopify tilbageholder kundens navn, e-mail og adresse: CancelApp har ikke adgang til beskyttede kundedata. Tillad det i Dev Dashboard (se vejledningen under Forbind en butik), og synkroniser så.</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>Tags: {tags}</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Moms og afgifter</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Track shipment</source>
        <translation>Følg forsendelsen</translation>
    </message>
    <message>
        <source>a location</source>
        <translation>en lokation</translation>
    </message>
    <message>
        <source>no tracking number</source>
        <translation>intet sporingsnummer</translation>
    </message>
    <message>
        <source>tracking number {number}</source>
        <translation>sporingsnummer {number}</translation>
    </message>
    <message>
        <source>{count} restocked</source>
        <translation>{count} lagt på lager igen</translation>
    </message>
    <message>
        <source>{tax} (included)</source>
        <translation>{tax} (inkluderet)</translation>
    </message>
</context>
<context>
    <name>OrderWords</name>
    <message>
        <source>Authorization</source>
        <translation>Reservation</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Bankoverførsel</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Hævning</translation>
    </message>
    <message>
        <source>Cash on delivery</source>
        <translation>Efterkrav</translation>
    </message>
    <message>
        <source>Change given</source>
        <translation>Byttepenge</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Gavekort</translation>
    </message>
    <message>
        <source>Manual payment</source>
        <translation>Manuel betaling</translation>
    </message>
    <message>
        <source>MobilePay</source>
        <translation>MobilePay</translation>
    </message>
    <message>
        <source>PayPal</source>
        <translation>PayPal</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betaling</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refusion</translation>
    </message>
    <message>
        <source>Shopify Payments</source>
        <translation>Shopify Payments</translation>
    </message>
    <message>
        <source>Test payment (Bogus Gateway)</source>
        <translation>Testbetaling (Bogus Gateway)</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Annulleret reservation</translation>
    </message>
    <message>
        <source>awaiting payment</source>
        <translation>afventer betaling</translation>
    </message>
    <message>
        <source>awaiting returned items</source>
        <translation>afventer returnerede varer</translation>
    </message>
    <message>
        <source>awaiting the provider</source>
        <translation>afventer betalingsudbyderen</translation>
    </message>
    <message>
        <source>delivery date unknown</source>
        <translation>ukendt leveringsdato</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislykkedes</translation>
    </message>
    <message>
        <source>high risk of fraud</source>
        <translation>høj risiko for svindel</translation>
    </message>
    <message>
        <source>incorrect address</source>
        <translation>forkert adresse</translation>
    </message>
    <message>
        <source>other reason</source>
        <translation>anden årsag</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>udsolgt</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>afventer</translation>
    </message>
    <message>
        <source>post-purchase offer shown</source>
        <translation>tilbud efter køb vises</translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation>ukendt status</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>{fulfilled} of {total} items fulfilled; rule: none fulfilled</source>
        <translation>{fulfilled} af {total} varer sendt; regel: ingen sendt</translation>
    </message>
    <message>
        <source>{fulfilled} of {total} items fulfilled; rule: some fulfilled</source>
        <translation>{fulfilled} af {total} varer sendt; regel: nogle sendt</translation>
    </message>
    <message>
        <source>{fulfilled} of {total} items fulfilled; rule: all fulfilled</source>
        <translation>{fulfilled} af {total} varer sendt; regel: alle sendt</translation>
    </message>
    <message>
        <source>order tagged {found}</source>
        <translation>ordren har tagget {found}</translation>
    </message>
    <message>
        <source>order has none of the tags {wanted}</source>
        <translation>ordren har ingen af tagsene {wanted}</translation>
    </message>
    <message>
        <source>items tagged {found}</source>
        <translation>varer med tagget {found}</translation>
    </message>
    <message>
        <source>no item has the tags {wanted}</source>
        <translation>ingen vare har tagsene {wanted}</translation>
    </message>
    <message>
        <source>customer tagged {found}</source>
        <translation>kunden har tagget {found}</translation>
    </message>
    <message>
        <source>customer has none of the tags {wanted}</source>
        <translation>kunden har ingen af tagsene {wanted}</translation>
    </message>
    <message>
        <source>paid with {found}</source>
        <translation>betalt med {found}</translation>
    </message>
    <message>
        <source>not paid with {wanted}</source>
        <translation>ikke betalt med {wanted}</translation>
    </message>
    <message>
        <source>risk {risk}; rule: at least {limit}</source>
        <translation>risiko {risk}; regel: mindst {limit}</translation>
    </message>
    <message>
        <source>risk {risk}; rule: at most {limit}</source>
        <translation>risiko {risk}; regel: højst {limit}</translation>
    </message>
    <message>
        <source>total {total}; rule: above {limit}</source>
        <translation>total {total}; regel: over {limit}</translation>
    </message>
    <message>
        <source>total {total}; rule: below {limit}</source>
        <translation>total {total}; regel: under {limit}</translation>
    </message>
    <message>
        <source>placed {age} before the request, window {window}: inside</source>
        <translation>afgivet {age} før anmodningen, frist {window}: inden for</translation>
    </message>
    <message>
        <source>placed {age} before the request, window {window}: outside</source>
        <translation>afgivet {age} før anmodningen, frist {window}: uden for</translation>
    </message>
    <message>
        <source>request received {received}, window {window}: inside until {until}</source>
        <translation>anmodningen modtaget {received}, frist {window}: inden for indtil {until}</translation>
    </message>
    <message>
        <source>request received {received}, window {window}: outside since {until}</source>
        <translation>anmodningen modtaget {received}, frist {window}: uden for siden {until}</translation>
    </message>
    <message>
        <source>nothing fulfilled yet, window until fulfillment: inside</source>
        <translation>intet sendt endnu, frist indtil afsendelse: inden for</translation>
    </message>
    <message>
        <source>items already fulfilled, window until fulfillment: outside</source>
        <translation>varer allerede sendt, frist indtil afsendelse: uden for</translation>
    </message>
    <message>
        <source>payment status {status}; rule: {wanted}</source>
        <translation>betalingsstatus {status}; regel: {wanted}</translation>
    </message>
    <message>
        <source>fulfillment status {status}; rule: {wanted}</source>
        <translation>forsendelsesstatus {status}; regel: {wanted}</translation>
    </message>
    <message>
        <source>fulfillment on hold</source>
        <translation>forsendelsen er tilbageholdt</translation>
    </message>
    <message>
        <source>fulfillment not on hold</source>
        <translation>forsendelsen er ikke tilbageholdt</translation>
    </message>
    <message>
        <source>with a fulfillment service</source>
        <translation>hos en fulfillment-tjeneste</translation>
    </message>
    <message>
        <source>not at a fulfillment service</source>
        <translation>ikke hos en fulfillment-tjeneste</translation>
    </message>
    <message>
        <source>sent to a fulfillment service, not accepted yet</source>
        <translation>sendt til en fulfillment-tjeneste, ikke modtaget endnu</translation>
    </message>
    <message>
        <source>nothing waiting for a fulfillment service to accept</source>
        <translation>intet venter på, at en fulfillment-tjeneste tager imod det</translation>
    </message>
    <message>
        <source>a return is open</source>
        <translation>en returnering er åben</translation>
    </message>
    <message>
        <source>no return open</source>
        <translation>ingen åben returnering</translation>
    </message>
    <message>
        <source>order already cancelled</source>
        <translation>ordren er allerede annulleret</translation>
    </message>
    <message>
        <source>order not cancelled</source>
        <translation>ordren er ikke annulleret</translation>
    </message>
    <message>
        <source>test order</source>
        <translation>testordre</translation>
    </message>
    <message>
        <source>not a test order</source>
        <translation>ikke en testordre</translation>
    </message>
    <message>
        <source>The order is already cancelled</source>
        <translation>Ordren er allerede annulleret</translation>
    </message>
    <message>
        <source>Your order has already been cancelled: there is nothing more you need to do.</source>
        <translation>Din ordre er allerede annulleret: du behøver ikke gøre mere.</translation>
    </message>
    <message>
        <source>A return is already open for this order</source>
        <translation>Der er allerede en åben returnering på ordren</translation>
    </message>
    <message>
        <source>Your order has a return in progress: we will complete it through the return.</source>
        <translation>Din ordre er ved at blive returneret: vi afslutter den gennem returneringen.</translation>
    </message>
    <message>
        <source>Everything in the order has been fulfilled</source>
        <translation>Alt i ordren er sendt</translation>
    </message>
    <message>
        <source>Your order has already shipped: please use our return process.</source>
        <translation>Din ordre er allerede sendt: brug venligst vores returproces.</translation>
    </message>
    <message>
        <source>Part of the order has been fulfilled</source>
        <translation>En del af ordren er sendt</translation>
    </message>
    <message>
        <source>Nothing to ship (a download or a service): it may already have been delivered</source>
        <translation>Intet at sende (en download eller en tjeneste): den kan allerede være leveret</translation>
    </message>
    <message>
        <source>Fulfillment is on hold: check why before cancelling</source>
        <translation>Forsendelsen er tilbageholdt: tjek hvorfor, før du annullerer</translation>
    </message>
    <message>
        <source>A fulfillment service has accepted the order: it must agree to the cancel</source>
        <translation>En fulfillment-tjeneste har taget imod ordren: den skal acceptere annulleringen</translation>
    </message>
    <message>
        <source>Sent to a fulfillment service, not accepted yet: it can still be cancelled at once</source>
        <translation>Sendt til en fulfillment-tjeneste, men ikke modtaget endnu: den kan stadig annulleres med det samme</translation>
    </message>
    <message>
        <source>Shopify rates the order high risk</source>
        <translation>Shopify vurderer ordren som høj risiko</translation>
    </message>
    <message>
        <source>A high-value order: check before refunding</source>
        <translation>En ordre med høj værdi: tjek før refusion</translation>
    </message>
    <message>
        <source>The order contains final-sale items</source>
        <translation>Ordren indeholder varer, der ikke kan returneres</translation>
    </message>
    <message>
        <source>Unfulfilled, paid and asked in time</source>
        <translation>Ikke sendt, betalt og anmodet i tide</translation>
    </message>
    <message>
        <source>Asked after the cancellation window</source>
        <translation>Anmodet efter annulleringsfristen</translation>
    </message>
    <message>
        <source>No rule approves this automatically: please look</source>
        <translation>Ingen regel godkender dette automatisk: kig venligst på det</translation>
    </message>
    <message>
        <source>Already cancelled</source>
        <translation>Allerede annulleret</translation>
    </message>
    <message>
        <source>Return open</source>
        <translation>Returnering åben</translation>
    </message>
    <message>
        <source>Already shipped</source>
        <translation>Allerede afsendt</translation>
    </message>
    <message>
        <source>Partly shipped</source>
        <translation>Delvist afsendt</translation>
    </message>
    <message>
        <source>Nothing to ship</source>
        <translation>Intet at sende</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>I bero</translation>
    </message>
    <message>
        <source>At a fulfillment service</source>
        <translation>Hos en lagerservice</translation>
    </message>
    <message>
        <source>Sent to a fulfillment service</source>
        <translation>Sendt til en fulfillment-tjeneste</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Høj risiko</translation>
    </message>
    <message>
        <source>High value</source>
        <translation>Høj værdi</translation>
    </message>
    <message>
        <source>Final sale</source>
        <translation>Endeligt salg</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>I tide</translation>
    </message>
    <message>
        <source>Too late</source>
        <translation>For sent</translation>
    </message>
    <message>
        <source>Everything else</source>
        <translation>Alt andet</translation>
    </message>
    <message>
        <source>No matching order</source>
        <translation>Ingen matchende ordre</translation>
    </message>
    <message>
        <source>No rule matched</source>
        <translation>Ingen regel passede</translation>
    </message>
    <message>
        <source>Safeguard: already cancelled</source>
        <translation>Sikkerhed: allerede annulleret</translation>
    </message>
    <message>
        <source>Safeguard: items already fulfilled</source>
        <translation>Sikkerhed: varer allerede sendt</translation>
    </message>
    <message>
        <source>Safeguard: fee in another currency</source>
        <translation>Sikkerhed: gebyr i en anden valuta</translation>
    </message>
    <message>
        <source>Safeguard: asked before the order</source>
        <translation>Sikkerhed: anmodet før ordren</translation>
    </message>
    <message>
        <source>Safeguard: payment status unknown</source>
        <translation>Sikkerhedsregel: betalingsstatus ukendt</translation>
    </message>
    <message>
        <source>Safeguard: EU right of withdrawal</source>
        <translation>Sikring: EU-fortrydelsesret</translation>
    </message>
    <message>
        <source>Safeguard: withdrawal exception (Art. 16)</source>
        <translation>Sikring: undtagelse fra fortrydelsesretten (art. 16)</translation>
    </message>
    <message>
        <source>No order matched this request yet: find the order first</source>
        <translation>Anmodningen er endnu ikke knyttet til en ordre: find ordren først</translation>
    </message>
    <message>
        <source>No rule in the policy matched: please look</source>
        <translation>Ingen regel i politikken passede: kig venligst på det</translation>
    </message>
    <message>
        <source>The order is already cancelled: nothing to do</source>
        <translation>Ordren er allerede annulleret: intet at gøre</translation>
    </message>
    <message>
        <source>Items in this cancel have already been fulfilled: they cannot simply be cancelled</source>
        <translation>Varer i denne annullering er allerede sendt: de kan ikke bare annulleres</translation>
    </message>
    <message>
        <source>The request arrived before the order was placed: check that it is about this order</source>
        <translation>Anmodningen kom, før ordren blev afgivet: tjek, at den drejer sig om denne ordre</translation>
    </message>
    <message>
        <source>Shopify did not say whether this order is paid: check it before deciding</source>
        <translation>Shopify oplyste ikke, om denne ordre er betalt: tjek den, før du beslutter</translation>
    </message>
    <message>
        <source>EU/EEA consumer withdrawing within the 14-day period, which ends {last_day} (Art. 9): it cannot be refused, and no fee may be kept (Art. 13)</source>
        <translation>Forbruger i EU/EØS fortryder inden for fristen på 14 dage, som udløber {last_day} (art. 9): det kan ikke afvises, og der må ikke beholdes et gebyr (art. 13)</translation>
    </message>
    <message>
        <source>EU/EEA consumer withdrawing before the goods are delivered (or with no delivery date known), so the 14-day period has not started (Art. 9): it cannot be refused, and no fee may be kept (Art. 13)</source>
        <translation>Forbruger i EU/EØS fortryder, før varerne er leveret (eller uden kendt leveringsdato), så fristen på 14 dage er ikke begyndt (art. 9): det kan ikke afvises, og der må ikke beholdes et gebyr (art. 13)</translation>
    </message>
    <message>
        <source>Shipped: accept the withdrawal with a return; the refund may wait until the goods are back or proof of return arrives (Art. 13(3))</source>
        <translation>Afsendt: acceptér fortrydelsen med en returnering; tilbagebetalingen kan vente, til varerne er modtaget retur eller der foreligger dokumentation for returneringen (art. 13, stk. 3)</translation>
    </message>
    <message>
        <source>Refund due by {due} (Art. 13(1))</source>
        <translation>Tilbagebetaling senest {due} (art. 13, stk. 1)</translation>
    </message>
    <message>
        <source>The withdrawal period ended {last_day}: the statement was sent after it (Art. 11(2))</source>
        <translation>Fortrydelsesfristen udløb {last_day}: meddelelsen blev sendt derefter (art. 11, stk. 2)</translation>
    </message>
    <message>
        <source>Fee lowered to the refundable amount {refundable}</source>
        <translation>Gebyret er sat ned til det beløb, der kan refunderes, {refundable}</translation>
    </message>
    <message>
        <source>The fixed fee is in {fee_currency}, but the customer paid in {currency}: decide the fee yourself</source>
        <translation>Det faste gebyr er i {fee_currency}, men kunden betalte i {currency}: fastsæt selv gebyret</translation>
    </message>
    <message>
        <source>The customer paid in {currency}, a currency whose decimals CancelApp does not know: decide the fee yourself</source>
        <translation>Kunden betalte i {currency}, en valuta hvis decimaler CancelApp ikke kender: fastsæt selv gebyret</translation>
    </message>
    <message>
        <source>Approved by the rule &quot;{rule}&quot;</source>
        <translation>Godkendt af reglen &quot;{rule}&quot;</translation>
    </message>
    <message>
        <source>write a time window in quotes, e.g. &quot;24h&quot;</source>
        <translation>skriv en frist i anførselstegn, f.eks. &quot;24h&quot;</translation>
    </message>
    <message>
        <source>a time window can&apos;t be negative: {value}</source>
        <translation>en frist kan ikke være negativ: {value}</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a time window: write e.g. &quot;30min&quot;, &quot;24h&quot;, &quot;2d&quot;, &quot;until fulfillment&quot; or &quot;shop&quot;</source>
        <translation>&quot;{value}&quot; er ikke en frist: skriv f.eks. &quot;30min&quot;, &quot;24h&quot;, &quot;2d&quot;, &quot;until fulfillment&quot; eller &quot;shop&quot;</translation>
    </message>
    <message>
        <source>a time window must be longer than zero</source>
        <translation>en frist skal være længere end nul</translation>
    </message>
    <message>
        <source>a time window can be at most {days} days: write &quot;until fulfillment&quot;</source>
        <translation>en frist kan højst være {days} dage: skriv &quot;until fulfillment&quot;</translation>
    </message>
    <message>
        <source>write true or false</source>
        <translation>skriv true eller false</translation>
    </message>
    <message>
        <source>write text in quotes</source>
        <translation>skriv tekst i anførselstegn</translation>
    </message>
    <message>
        <source>write an amount, e.g. 5000 or 49.95</source>
        <translation>skriv et beløb, f.eks. 5000 eller 49.95</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not an amount</source>
        <translation>&quot;{value}&quot; er ikke et beløb</translation>
    </message>
    <message>
        <source>an amount can&apos;t be negative: {value}</source>
        <translation>et beløb kan ikke være negativt: {value}</translation>
    </message>
    <message>
        <source>{value} is more than any order: write a smaller amount</source>
        <translation>{value} er mere end nogen ordre: skriv et mindre beløb</translation>
    </message>
    <message>
        <source>a percentage can&apos;t be more than 100: {value}</source>
        <translation>en procentsats kan ikke være over 100: {value}</translation>
    </message>
    <message>
        <source>write a whole number of days, e.g. 365</source>
        <translation>skriv et helt antal dage, f.eks. 365</translation>
    </message>
    <message>
        <source>the number of days must be at least 1</source>
        <translation>antallet af dage skal være mindst 1</translation>
    </message>
    <message>
        <source>the number of days can be at most {days}</source>
        <translation>antallet af dage kan højst være {days}</translation>
    </message>
    <message>
        <source>write a list in brackets, e.g. [&quot;final-sale&quot;]</source>
        <translation>skriv en liste i kantede parenteser, f.eks. [&quot;final-sale&quot;]</translation>
    </message>
    <message>
        <source>the list is empty: name at least one</source>
        <translation>listen er tom: angiv mindst ét</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not one of: {allowed}</source>
        <translation>&quot;{value}&quot; er ikke en af: {allowed}</translation>
    </message>
    <message>
        <source>write a list in brackets, e.g. [&quot;paid&quot;]</source>
        <translation>skriv en liste i kantede parenteser, f.eks. [&quot;paid&quot;]</translation>
    </message>
    <message>
        <source>this must be a table of settings</source>
        <translation>dette skal være en tabel med indstillinger</translation>
    </message>
    <message>
        <source>unknown field &quot;{key}&quot;; known fields: {known}</source>
        <translation>ukendt felt &quot;{key}&quot;; kendte felter: {known}</translation>
    </message>
    <message>
        <source>unknown field &quot;{key}&quot;; known fields: version, rules</source>
        <translation>ukendt felt &quot;{key}&quot;; kendte felter: version, rules</translation>
    </message>
    <message>
        <source>the file must say version = 1</source>
        <translation>filen skal indeholde version = 1</translation>
    </message>
    <message>
        <source>rules must be written as [[rules]] sections</source>
        <translation>regler skal skrives som [[rules]]-afsnit</translation>
    </message>
    <message>
        <source>every rule needs a &quot;{key}&quot;</source>
        <translation>hver regel skal have et &quot;{key}&quot;</translation>
    </message>
    <message>
        <source>two rules are called &quot;{name}&quot;: give each rule its own name</source>
        <translation>to regler hedder &quot;{name}&quot;: giv hver regel sit eget navn</translation>
    </message>
    <message>
        <source>only approve rules suggest an action</source>
        <translation>kun godkendelsesregler foreslår en handling</translation>
    </message>
    <message>
        <source>review and deny rules need a &quot;why&quot; for the merchant</source>
        <translation>gennemse- og afvisningsregler skal have et &quot;why&quot; til butiksejeren</translation>
    </message>
    <message>
        <source>only deny rules suggest a reply</source>
        <translation>kun afvisningsregler foreslår et svar</translation>
    </message>
    <message>
        <source>no order total is above {above} and below {below}</source>
        <translation>ingen ordretotal er både over {above} og under {below}</translation>
    </message>
    <message>
        <source>an expiry needs refund = &quot;store_credit&quot;</source>
        <translation>en udløbsdato kræver refund = &quot;store_credit&quot;</translation>
    </message>
    <message>
        <source>a processing fee is kept from a refund: choose a refund</source>
        <translation>et gebyr tilbageholdes fra en refusion: vælg en refusion</translation>
    </message>
    <message>
        <source>tables or lists are nested too deeply</source>
        <translation>tabeller eller lister er indlejret for dybt</translation>
    </message>
    <message>
        <source>this is not valid TOML ({detail})</source>
        <translation>dette er ikke gyldig TOML ({detail})</translation>
    </message>
    <message>
        <source>The policy file has a problem, so the last good policy stays in force: {problem}</source>
        <translation>Politikfilen har et problem, så den sidste gode politik gælder fortsat: {problem}</translation>
    </message>
    <message>
        <source>The policy file has a problem, so the default policy is in force: {problem}</source>
        <translation>Politikfilen har et problem, så standardpolitikken gælder: {problem}</translation>
    </message>
    <message>
        <source>could not read the file ({detail})</source>
        <translation>kunne ikke læse filen ({detail})</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <source>Approve</source>
        <translation>Godkend</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Gennemse</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Afvis</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(intet navn)</translation>
    </message>
    <message numerus="yes">
        <source>New rule %n</source>
        <translation>
            <numerusform>Ny regel %n</numerusform>
            <numerusform>Ny regel %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Check this request</source>
        <translation>Tjek denne anmodning</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>No past requests to backtest against yet.</source>
        <translation>Der er endnu ingen tidligere anmodninger at afprøve politikken på.</translation>
    </message>
    <message>
        <source>Rule {number} &quot;{name}&quot;</source>
        <translation>Regel {number} &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>{rule}: {problem}</source>
        <translation>{rule}: {problem}</translation>
    </message>
    <message>
        <source>{rule}, {field}: {problem}</source>
        <translation>{rule}, {field}: {problem}</translation>
    </message>
    <message>
        <source>With these rules, the {count} open requests: approve {approve} · review {review} · deny {deny} · verdict changed {changed}</source>
        <translation>Med disse regler, de {count} åbne anmodninger: godkend {approve} · gennemse {review} · afvis {deny} · ændret afgørelse {changed}</translation>
    </message>
    <message>
        <source>{order}: now {before}, would be {after}</source>
        <translation>{order}: nu {before}, ville blive {after}</translation>
    </message>
    <message>
        <source>Backtest over the {count} requests you have decided: agrees with you {agreed} · differs {disagreed} · would ask you to look {review}</source>
        <translation>Test mod de {count} anmodninger, du har afgjort: enig med dig {agreed} · uenig {disagreed} · ville bede dig se på {review}</translation>
    </message>
    <message>
        <source> · cancelled before the request came {undecided}</source>
        <translation> · annulleret før anmodningen kom {undecided}</translation>
    </message>
    <message>
        <source> · can&apos;t tell {unknown}</source>
        <translation> · kan ikke vurderes {unknown}</translation>
    </message>
    <message>
        <source>Each request is judged against the order as it was when you decided. Can&apos;t tell: requests decided outside CancelApp, or whose order then is not known, are not judged.</source>
        <translation>Hver anmodning vurderes ud fra ordren, som den var, da du afgjorde den. Kan ikke vurderes: anmodninger afgjort uden for CancelApp, eller hvis ordre dengang ikke kendes, vurderes ikke.</translation>
    </message>
    <message>
        <source>Each request is judged against the order as it was when you decided.</source>
        <translation>Hver anmodning vurderes ud fra ordren, som den var, da du afgjorde den.</translation>
    </message>
    <message>
        <source>you cancelled it</source>
        <translation>du annullerede den</translation>
    </message>
    <message>
        <source>you declined it</source>
        <translation>du afviste den</translation>
    </message>
    <message>
        <source>the rules would approve</source>
        <translation>reglerne ville godkende</translation>
    </message>
    <message>
        <source>the rules would deny</source>
        <translation>reglerne ville afvise</translation>
    </message>
    <message>
        <source>{order}: {you}, {would}</source>
        <translation>{order}: {you}, {would}</translation>
    </message>
    <message>
        <source>Double-click or press Enter to show this request</source>
        <translation>Dobbeltklik eller tryk Enter for at vise anmodningen</translation>
    </message>
    <message>
        <source>Discard your changes to the policy?</source>
        <translation>Kassér dine ændringer i politikken?</translation>
    </message>
    <message>
        <source>The rules stay as they were before you opened the editor.</source>
        <translation>Reglerne forbliver, som de var, før du åbnede editoren.</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Kassér</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Fortsæt redigeringen</translation>
    </message>
    <message>
        <source>Save the policy?</source>
        <translation>Gem politikken?</translation>
    </message>
    <message>
        <source>The policy file has a problem and will be replaced by these rules.</source>
        <translation>Politikfilen har et problem og bliver erstattet af disse regler.</translation>
    </message>
    <message numerus="yes">
        <source>Saving removes %n comment from the policy file.</source>
        <translation>
            <numerusform>Når du gemmer, fjernes %n kommentar fra politikfilen.</numerusform>
            <numerusform>Når du gemmer, fjernes %n kommentarer fra politikfilen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving removes %n comments from the policy file.</source>
        <translation>
            <numerusform>Når du gemmer, fjernes %n kommentar fra politikfilen.</numerusform>
            <numerusform>Når du gemmer, fjernes %n kommentarer fra politikfilen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The policy could not be saved: {detail}</source>
        <translation>Politikken kunne ikke gemmes: {detail}</translation>
    </message>
    <message>
        <source>Cancellation policy</source>
        <translation>Annulleringspolitik</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>&amp;Tilføj regel</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flyt &amp;op</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Flyt &amp;ned</translation>
    </message>
    <message>
        <source>Requests whose verdict these rules would change:</source>
        <translation>Anmodninger, hvis afgørelse disse regler ville ændre:</translation>
    </message>
    <message>
        <source>The policy file has a problem, so the editor starts from the default rules: {problem}</source>
        <translation>Politikfilen har et problem, så editoren starter fra standardreglerne: {problem}</translation>
    </message>
</context>
<context>
    <name>PolicyRuleForm</name>
    <message>
        <source>Asked within (of ordering)</source>
        <translation>Anmodet inden for (efter bestilling)</translation>
    </message>
    <message>
        <source>Asked later than</source>
        <translation>Anmodet senere end</translation>
    </message>
    <message>
        <source>Request younger than</source>
        <translation>Anmodning yngre end</translation>
    </message>
    <message>
        <source>Request older than</source>
        <translation>Anmodning ældre end</translation>
    </message>
    <message>
        <source>Payment status is one of</source>
        <translation>Betalingsstatus er en af</translation>
    </message>
    <message>
        <source>Fulfillment status is one of</source>
        <translation>Forsendelsesstatus er en af</translation>
    </message>
    <message>
        <source>Items fulfilled</source>
        <translation>Varer sendt</translation>
    </message>
    <message>
        <source>Fulfillment on hold</source>
        <translation>Forsendelse tilbageholdt</translation>
    </message>
    <message>
        <source>At a fulfillment service</source>
        <translation>Hos en fulfillment-tjeneste</translation>
    </message>
    <message>
        <source>Sent to a fulfillment service (not accepted)</source>
        <translation>Sendt til en fulfillment-tjeneste (ikke modtaget)</translation>
    </message>
    <message>
        <source>Total above</source>
        <translation>Total over</translation>
    </message>
    <message>
        <source>Total below</source>
        <translation>Total under</translation>
    </message>
    <message>
        <source>Order tagged with any of</source>
        <translation>Ordren har et af tagsene</translation>
    </message>
    <message>
        <source>Order tagged with none of</source>
        <translation>Ordren har ingen af tagsene</translation>
    </message>
    <message>
        <source>Items tagged with any of</source>
        <translation>Varer har et af tagsene</translation>
    </message>
    <message>
        <source>Items tagged with none of</source>
        <translation>Varer har ingen af tagsene</translation>
    </message>
    <message>
        <source>Customer tagged with any of</source>
        <translation>Kunden har et af tagsene</translation>
    </message>
    <message>
        <source>Customer tagged with none of</source>
        <translation>Kunden har ingen af tagsene</translation>
    </message>
    <message>
        <source>Risk at least</source>
        <translation>Risiko mindst</translation>
    </message>
    <message>
        <source>Risk at most</source>
        <translation>Risiko højst</translation>
    </message>
    <message>
        <source>Return open</source>
        <translation>Åben returnering</translation>
    </message>
    <message>
        <source>Already cancelled</source>
        <translation>Allerede annulleret</translation>
    </message>
    <message>
        <source>Test order</source>
        <translation>Testordre</translation>
    </message>
    <message>
        <source>Paid with any of</source>
        <translation>Betalt med en af</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>tjekkes ikke</translation>
    </message>
    <message>
        <source>e.g. 24h, 2d, shop, until fulfillment</source>
        <translation>f.eks. 24t, 2d, butikkens, indtil afsendelse</translation>
    </message>
    <message>
        <source>shop</source>
        <translation>butikkens</translation>
    </message>
    <message>
        <source>until fulfillment</source>
        <translation>indtil afsendelse</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkend</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Gennemse</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Afvis</translation>
    </message>
    <message>
        <source>To the original payment</source>
        <translation>Til den oprindelige betaling</translation>
    </message>
    <message>
        <source>As store credit</source>
        <translation>Som butikskredit</translation>
    </message>
    <message>
        <source>No refund</source>
        <translation>Ingen refusion</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>At least one</source>
        <translation>Mindst én</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Ikke vurderet</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Afventer</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Lav</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Middel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Høj</translation>
    </message>
    <message>
        <source>The customer asked</source>
        <translation>Kunden bad om det</translation>
    </message>
    <message>
        <source>Payment declined</source>
        <translation>Betaling afvist</translation>
    </message>
    <message>
        <source>Fraud</source>
        <translation>Svindel</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Udsolgt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Staff error</source>
        <translation>Fejl fra personalet</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>When all of these hold</source>
        <translation>Når alle disse gælder</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>Foreslået handling</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Verdict</source>
        <translation>&amp;Vurdering</translation>
    </message>
    <message>
        <source>&amp;Why (shown to you)</source>
        <translation>&amp;Hvorfor (vises til dig)</translation>
    </message>
    <message>
        <source>&amp;Reply to suggest</source>
        <translation>&amp;Svar, der foreslås</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refusion</translation>
    </message>
    <message>
        <source>Store credit expires after (days, 0: never)</source>
        <translation>Butikskredit udløber efter (dage, 0: aldrig)</translation>
    </message>
    <message>
        <source>Restock items</source>
        <translation>Læg varer på lager igen</translation>
    </message>
    <message>
        <source>Notify the customer</source>
        <translation>Giv kunden besked</translation>
    </message>
    <message>
        <source>Reason given to Shopify</source>
        <translation>Begrundelse til Shopify</translation>
    </message>
    <message>
        <source>Keep a fee (percent)</source>
        <translation>Behold et gebyr (procent)</translation>
    </message>
    <message>
        <source>Keep a fee (fixed, store currency)</source>
        <translation>Behold et gebyr (fast beløb i butikkens valuta)</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Modtaget</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Afgivet</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betaling</translation>
    </message>
    <message>
        <source>Fulfillment</source>
        <translation>Forsendelse</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Vurdering</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Refund due by</source>
        <translation>Refusion senest</translation>
    </message>
    <message>
        <source>{state}, then a message came in dated {when}, before the order was placed</source>
        <translation>{state}, derefter kom en besked dateret {when}, før ordren blev afgivet</translation>
    </message>
    <message>
        <source>{state}, then a message came in dated {when}, before the decision</source>
        <translation>{state}, derefter kom en besked dateret {when}, før beslutningen</translation>
    </message>
    <message>
        <source>{state}, then the customer wrote again on {when}</source>
        <translation>{state}, derefter skrev kunden igen den {when}</translation>
    </message>
    <message>
        <source>Reading the order…</source>
        <translation>Læser ordren…</translation>
    </message>
    <message>
        <source>Asked the warehouse</source>
        <translation>Lageret er spurgt</translation>
    </message>
    <message>
        <source>(no order)</source>
        <translation>(ingen ordre)</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (forfalden)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (in %n day(s))</source>
        <translation>
            <numerusform>%1 (om %n dag)</numerusform>
            <numerusform>%1 (om %n dage)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Search order, customer, email or message (Ctrl+F)</source>
        <translation>Søg efter ordre, kunde, e-mail eller besked (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search requests</source>
        <translation>Søg i anmodninger</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Ryd søgningen</translation>
    </message>
    <message>
        <source>Go from the search to its results</source>
        <translation>Gå fra søgningen til resultaterne</translation>
    </message>
    <message>
        <source>Request queues</source>
        <translation>Anmodningskøer</translation>
    </message>
    <message>
        <source>Cancellation requests</source>
        <translation>Annulleringsanmodninger</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle kilder</translation>
    </message>
    <message>
        <source>Any payment</source>
        <translation>Alle betalinger</translation>
    </message>
    <message>
        <source>Any fulfillment</source>
        <translation>Alle forsendelser</translation>
    </message>
    <message>
        <source>Filter by source</source>
        <translation>Filtrer efter kilde</translation>
    </message>
    <message>
        <source>Filter by payment status</source>
        <translation>Filtrer efter betalingsstatus</translation>
    </message>
    <message>
        <source>Filter by fulfillment status</source>
        <translation>Filtrer efter forsendelsesstatus</translation>
    </message>
    <message>
        <source>Needs decision</source>
        <translation>Skal afgøres</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkend</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Gennemse</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Afvis</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>Uden ordre</translation>
    </message>
    <message>
        <source>Nothing matches the search.</source>
        <translation>Intet matcher søgningen.</translation>
    </message>
    <message>
        <source>{count} in {tab}: &lt;a href=&quot;{key}&quot;&gt;show&lt;/a&gt;</source>
        <translation>{count} i {tab}: &lt;a href=&quot;{key}&quot;&gt;vis&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No match in this tab. {places}</source>
        <translation>Intet match på denne fane. {places}</translation>
    </message>
</context>
<context>
    <name>RecordExport</name>
    <message>
        <source>Export the request&apos;s record</source>
        <translation>Eksporter anmodningens forløb</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
        <source>Record {order}.pdf</source>
        <translation>Forløb {order}.pdf</translation>
    </message>
    <message>
        <source>The request no longer exists.</source>
        <translation>Anmodningen findes ikke længere.</translation>
    </message>
    <message>
        <source>Record of request {order}</source>
        <translation>Forløb for anmodning {order}</translation>
    </message>
    <message>
        <source>The PDF could not be written to {file}.</source>
        <translation>PDF&apos;en kunne ikke skrives til {file}.</translation>
    </message>
    <message>
        <source>Record saved to {file}.</source>
        <translation>Forløbet er gemt i {file}.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Udarbejdet</translation>
    </message>
    <message>
        <source>Messages received</source>
        <translation>Modtagne beskeder</translation>
    </message>
    <message>
        <source>After the decision</source>
        <translation>Efter beslutningen</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Vurdering</translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation>Politikversion</translation>
    </message>
    <message>
        <source>Nothing decided yet.</source>
        <translation>Intet er besluttet endnu.</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslutninger</translation>
    </message>
    <message>
        <source>Shopify&apos;s reference: {ids}</source>
        <translation>Shopifys reference: {ids}</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>politik</translation>
    </message>
    <message>
        <source>Decided under the verdict {verdict} ({rule})</source>
        <translation>Besluttet under vurderingen {verdict} ({rule})</translation>
    </message>
    <message>
        <source>Actions, replies and notes</source>
        <translation>Handlinger, svar og noter</translation>
    </message>
    <message>
        <source>Audit log seal</source>
        <translation>Revisionsloggens segl</translation>
    </message>
    <message>
        <source>Chain head</source>
        <translation>Kædens hoved</translation>
    </message>
    <message>
        <source>not sealed</source>
        <translation>ikke forseglet</translation>
    </message>
</context>
<context>
    <name>ReplyChoice</name>
    <message>
        <source>A reply template, or your own words</source>
        <translation>En svarskabelon eller dine egne ord</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation>Svar til kunden</translation>
    </message>
    <message>
        <source>&amp;Open in mail program</source>
        <translation>Å&amp;bn i mailprogram</translation>
    </message>
    <message>
        <source>Co&amp;py reply</source>
        <translation>Ko&amp;piér svar</translation>
    </message>
    <message>
        <source>&amp;Send from your mailbox</source>
        <translation>&amp;Send fra din postkasse</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sender…</translation>
    </message>
    <message>
        <source>The reply is on the clipboard.</source>
        <translation>Svaret er kopieret til udklipsholderen.</translation>
    </message>
</context>
<context>
    <name>ReplyPreview</name>
    <message>
        <source>Cancelled and refunded</source>
        <translation>Annulleret og refunderet</translation>
    </message>
    <message>
        <source>Cancelled, a fee kept</source>
        <translation>Annulleret, et gebyr beholdt</translation>
    </message>
    <message>
        <source>Cancelled, store credit</source>
        <translation>Annulleret, tilgodehavende</translation>
    </message>
    <message>
        <source>Cancelled, store credit, a fee kept</source>
        <translation>Annulleret, tilgodehavende, et gebyr beholdt</translation>
    </message>
    <message>
        <source>Cancelled, no refund</source>
        <translation>Annulleret, ingen refusion</translation>
    </message>
    <message>
        <source>Partly cancelled</source>
        <translation>Delvist annulleret</translation>
    </message>
    <message>
        <source>Partly cancelled, no refund</source>
        <translation>Delvist annulleret, ingen refusion</translation>
    </message>
    <message>
        <source>Partly cancelled, store credit</source>
        <translation>Delvist annulleret, tilgodehavende</translation>
    </message>
    <message>
        <source>Declined, with the reason</source>
        <translation>Afvist, med begrundelsen</translation>
    </message>
    <message>
        <source>Declined: already cancelled</source>
        <translation>Afvist: allerede annulleret</translation>
    </message>
    <message>
        <source>Declined: a return is open</source>
        <translation>Afvist: en returnering er i gang</translation>
    </message>
    <message>
        <source>Declined: already shipped</source>
        <translation>Afvist: allerede afsendt</translation>
    </message>
    <message>
        <source>Waiting for the warehouse</source>
        <translation>Venter på lageret</translation>
    </message>
    <message>
        <source>Order not found</source>
        <translation>Ordren blev ikke fundet</translation>
    </message>
    <message>
        <source>Request received</source>
        <translation>Henvendelse modtaget</translation>
    </message>
    <message>
        <source>Withdrawal accepted, return instructions</source>
        <translation>Fortrydelse accepteret, returvejledning</translation>
    </message>
    <message>
        <source>Withdrawal received, with its text and time</source>
        <translation>Fortrydelse modtaget, med dens tekst og tidspunkt</translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation>Svar til kunden</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Skabelon</translation>
    </message>
    <message>
        <source>No email address is known</source>
        <translation>Ingen e-mailadresse kendt</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>Sent as an answer in the customer&apos;s own email thread.</source>
        <translation>Sendes som svar i kundens egen e-mailtråd.</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Svartekst</translation>
    </message>
    <message>
        <source>Emails from Shopify</source>
        <translation>E-mails fra Shopify</translation>
    </message>
    <message>
        <source>The reply to your earlier decision has not been sent yet. This decision replaces it: the customer will not get it.</source>
        <translation>Svaret på din tidligere beslutning er ikke sendt endnu. Denne beslutning erstatter det: kunden får det ikke.</translation>
    </message>
    <message>
        <source>Reply not sent</source>
        <translation>Svar ikke sendt</translation>
    </message>
    <message>
        <source>&amp;Send this reply from your mailbox</source>
        <translation>&amp;Send dette svar fra din postkasse</translation>
    </message>
    <message>
        <source>Open in &amp;mail program</source>
        <translation>Åbn i &amp;mailprogram</translation>
    </message>
    <message>
        <source>&amp;Copy reply</source>
        <translation>&amp;Kopiér svar</translation>
    </message>
    <message>
        <source>&amp;Email settings…</source>
        <translation>&amp;E-mailindstillinger…</translation>
    </message>
    <message>
        <source>No mailbox is set up, so this reply is not sent. Set one up under Email settings, or copy the reply and send it yourself.</source>
        <translation>Der er ikke sat nogen postkasse op, så dette svar bliver ikke sendt. Sæt en op under E-mailindstillinger, eller kopiér svaret og send det selv.</translation>
    </message>
    <message>
        <source>No email address is known for this customer, so this reply is not sent.</source>
        <translation>Der kendes ingen e-mailadresse for denne kunde, så dette svar bliver ikke sendt.</translation>
    </message>
    <message>
        <source>Shopify sends the customer no email about this: the customer hears nothing unless you send this reply yourself.</source>
        <translation>Shopify sender ikke kunden en e-mail om dette: kunden hører intet, medmindre du selv sender dette svar.</translation>
    </message>
    <message>
        <source>Shopify also emails the customer its own notice about this. Make sure this reply says the same, or do not send it.</source>
        <translation>Shopify sender også kunden sin egen besked om dette. Sørg for, at dette svar siger det samme, eller send det ikke.</translation>
    </message>
    <message>
        <source>Shopify sends the customer no email about this; only this reply.</source>
        <translation>Shopify sender ikke kunden en e-mail om dette; kun dette svar.</translation>
    </message>
</context>
<context>
    <name>ReplyUnknownDialog</name>
    <message>
        <source>Was the reply sent?</source>
        <translation>Blev svaret sendt?</translation>
    </message>
    <message>
        <source>The connection to the mail server was lost while the reply to {order} ({to}, “{subject}”) was handed over, and it is not in your Sent folder. CancelApp cannot tell whether the customer got it. Look in your mail program or ask the customer; CancelApp does not send it again unless you say so.</source>
        <translation>Forbindelsen til mailserveren blev afbrudt, mens svaret på {order} ({to}, “{subject}”) blev afleveret, og det ligger ikke i din Sendt-mappe. CancelApp kan ikke se, om kunden fik det. Se efter i dit mailprogram, eller spørg kunden; CancelApp sender det ikke igen, medmindre du beder om det.</translation>
    </message>
    <message>
        <source>It &amp;was sent</source>
        <translation>Det &amp;blev sendt</translation>
    </message>
    <message>
        <source>&amp;Send it again</source>
        <translation>&amp;Send det igen</translation>
    </message>
    <message>
        <source>Ask me later</source>
        <translation>Spørg mig senere</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>{requests} requests: {cancelled} cancelled, {declined} declined, {open} still open</source>
        <translation>{requests} anmodninger: {cancelled} annulleret, {declined} afvist, {open} stadig åbne</translation>
    </message>
    <message>
        <source>{withdrawals} statutory withdrawals, {goodwill} goodwill cancellations</source>
        <translation>{withdrawals} lovpligtige fortrydelser, {goodwill} goodwill-annulleringer</translation>
    </message>
    <message>
        <source>median time to a decision: {time}</source>
        <translation>mediantid til en afgørelse: {time}</translation>
    </message>
    <message>
        <source>Week of {week}: {cancelled} cancelled, {declined} declined, {open} open</source>
        <translation>Ugen fra {week}: {cancelled} annulleret, {declined} afvist, {open} åbne</translation>
    </message>
    <message>
        <source>Refunded through CancelApp {refunded}, kept {kept}</source>
        <translation>Refunderet gennem CancelApp {refunded}, beholdt {kept}</translation>
    </message>
    <message>
        <source>Nothing refunded through CancelApp in this period.</source>
        <translation>Intet refunderet gennem CancelApp i denne periode.</translation>
    </message>
    <message>
        <source>cancelled orders with no refund through CancelApp (cancelled in Shopify, or nothing was paid): {count}</source>
        <translation>annullerede ordrer uden refusion gennem CancelApp (annulleret i Shopify, eller intet var betalt): {count}</translation>
    </message>
    <message>
        <source>Shipping refunded {shipping}, payment fees kept by Shopify {fees}</source>
        <translation>Fragt refunderet {shipping}, betalingsgebyrer beholdt af Shopify {fees}</translation>
    </message>
    <message>
        <source>No shipping refunded and no payment fees kept in this period.</source>
        <translation>Ingen fragt refunderet og ingen betalingsgebyrer beholdt i denne periode.</translation>
    </message>
    <message>
        <source>orders with payment fees unknown: {count}</source>
        <translation>ordrer med ukendte betalingsgebyrer: {count}</translation>
    </message>
    <message>
        <source>orders with refunded shipping unknown: {count}</source>
        <translation>ordrer med ukendt refunderet fragt: {count}</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Eksportér rapporten</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anmodninger</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunderet</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Beholdt</translation>
    </message>
    <message>
        <source>Shipping refunded</source>
        <translation>Fragt refunderet</translation>
    </message>
    <message>
        <source>Payment fees kept by Shopify</source>
        <translation>Betalingsgebyrer beholdt af Shopify</translation>
    </message>
    <message>
        <source>Cancelled orders</source>
        <translation>Annullerede ordrer</translation>
    </message>
    <message>
        <source>Cancelled orders with payment fees unknown</source>
        <translation>Annullerede ordrer med ukendte betalingsgebyrer</translation>
    </message>
    <message>
        <source>Cancelled orders with refunded shipping unknown</source>
        <translation>Annullerede ordrer med ukendt refunderet fragt</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Median hours to a decision</source>
        <translation>Median timer til en afgørelse</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Statutory withdrawals</source>
        <translation>Lovpligtige fortrydelser</translation>
    </message>
    <message>
        <source>Goodwill cancellations</source>
        <translation>Goodwill-annulleringer</translation>
    </message>
    <message>
        <source>Reports: what cancellations cost</source>
        <translation>Rapporter: hvad annulleringer koster</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Seneste 4 uger</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>Seneste 12 uger</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Seneste 12 måneder</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Eksportér CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>&amp;Read the unknown from Shopify</source>
        <translation>&amp;Læs de ukendte fra Shopify</translation>
    </message>
    <message>
        <source>Read the cancelled orders whose costs are not in the saved copy from Shopify again. Fees of other providers than Shopify Payments stay unknown.</source>
        <translation>Læs de annullerede ordrer, hvis omkostninger ikke er i den gemte kopi, fra Shopify igen. Gebyrer hos andre udbydere end Shopify Payments forbliver ukendte.</translation>
    </message>
    <message>
        <source>Shipping refunded: the shipping charge cancelled orders gave back to their customers; the carrier or label is paid all the same once an order was labelled. Payment fees: what Shopify Payments charged on the payments of cancelled orders, which it keeps when they are refunded. Unknown: an order paid another way than Shopify Payments (Shopify reports no other provider&apos;s fees), or not read in full from Shopify since it was decided (refresh the order to read it).</source>
        <translation>Fragt refunderet: den fragt, annullerede ordrer gav deres kunder tilbage; fragtfirmaet eller fragtlabelen er betalt alligevel, når ordren først har fået en label. Betalingsgebyrer: det, Shopify Payments opkrævede på betalingerne for annullerede ordrer, og som Shopify beholder, når de refunderes. Ukendt: en ordre betalt på anden måde end med Shopify Payments (Shopify oplyser ikke andre udbyderes gebyrer), eller ikke læst fuldt ud fra Shopify, siden der blev truffet beslutning (opdater ordren for at læse den).</translation>
    </message>
    <message>
        <source>Requests per week</source>
        <translation>Anmodninger pr. uge</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulleret</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>afvist</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>stadig åbne</translation>
    </message>
    <message>
        <source>No requests in this period</source>
        <translation>Ingen anmodninger i denne periode</translation>
    </message>
    <message>
        <source>Why customers cancel</source>
        <translation>Hvorfor kunderne annullerer</translation>
    </message>
    <message>
        <source>No reasons yet</source>
        <translation>Ingen årsager endnu</translation>
    </message>
    <message>
        <source>Products most often cancelled</source>
        <translation>Oftest annullerede produkter</translation>
    </message>
    <message>
        <source>No cancelled orders yet</source>
        <translation>Ingen annullerede ordrer endnu</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Tæl</translation>
    </message>
    <message>
        <source>as</source>
        <translation>som</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Slå sammen</translation>
    </message>
    <message>
        <source>&amp;Undo merges</source>
        <translation>&amp;Fortryd sammenlægninger</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <source>Only the order&apos;s summary is cached: its items, payments and shipping load from Shopify when CancelApp is online, and the verdict follows.</source>
        <translation>Der er kun gemt en oversigt over ordren: varer, betalinger og forsendelse hentes fra Shopify, når CancelApp har forbindelse, og derefter følger vurderingen.</translation>
    </message>
    <message>
        <source>The order changed in Shopify after the decision.</source>
        <translation>Ordren blev ændret i Shopify efter beslutningen.</translation>
    </message>
</context>
<context>
    <name>RequestTray</name>
    <message>
        <source>Open CancelApp</source>
        <translation>Åbn CancelApp</translation>
    </message>
    <message>
        <source>New cancellation requests</source>
        <translation>Nye annulleringsanmodninger</translation>
    </message>
    <message numerus="yes">
        <source>%n new request to decide.</source>
        <translation>
            <numerusform>%n ny anmodning skal afgøres.</numerusform>
            <numerusform>%n nye anmodninger skal afgøres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new requests to decide.</source>
        <translation>
            <numerusform>%n ny anmodning skal afgøres.</numerusform>
            <numerusform>%n nye anmodninger skal afgøres.</numerusform>
        </translation>
    </message>
    <message>
        <source>New messages from customers</source>
        <translation>Nye beskeder fra kunder</translation>
    </message>
    <message>
        <source>A customer wrote again after your decision.</source>
        <translation>En kunde skrev igen efter din beslutning.</translation>
    </message>
    <message numerus="yes">
        <source>%n customers wrote again after your decisions.</source>
        <translation>
            <numerusform>%n kunde skrev igen efter dine beslutninger.</numerusform>
            <numerusform>%n kunder skrev igen efter dine beslutninger.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CancelApp: %n request needs a decision</source>
        <translation>
            <numerusform>CancelApp: %n anmodning skal afgøres</numerusform>
            <numerusform>CancelApp: %n anmodninger skal afgøres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CancelApp: %n requests need a decision</source>
        <translation>
            <numerusform>CancelApp: %n anmodning skal afgøres</numerusform>
            <numerusform>CancelApp: %n anmodninger skal afgøres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Your computer has no keychain CancelApp can use; the token will be forgotten when you quit.</source>
        <translation>Din computer har ingen nøglering, som CancelApp kan bruge; tokenet bliver glemt, når du lukker programmet.</translation>
    </message>
    <message>
        <source>Your computer has no keychain CancelApp can use; the client secret will be forgotten when you quit.</source>
        <translation>Din computer har ingen nøglering, som CancelApp kan bruge; klienthemmeligheden bliver glemt, når du lukker programmet.</translation>
    </message>
    <message>
        <source>Your computer has no keychain CancelApp can use; the email password will be forgotten when you quit.</source>
        <translation>Din computer har ingen nøglering, som CancelApp kan bruge; e-mailadgangskoden bliver glemt, når du lukker programmet.</translation>
    </message>
    <message>
        <source>Your computer has no keychain CancelApp can use; the key that seals the audit log will be forgotten when you quit, so today&apos;s entries cannot be checked after that.</source>
        <translation>Din computer har ingen nøglering, CancelApp kan bruge; nøglen, der forsegler revisionsloggen, glemmes, når du lukker, så dagens poster kan ikke kontrolleres bagefter.</translation>
    </message>
    <message>
        <source>Your computer has no keychain CancelApp can use; the mailbox sign-in will be forgotten when you quit, and you will sign in again next time.</source>
        <translation>Din computer har ingen nøglering, CancelApp kan bruge; login til postkassen glemmes, når du lukker, og du skal logge ind igen næste gang.</translation>
    </message>
    <message>
        <source>Your computer has no keychain CancelApp can use; the sign-in app&apos;s client secret will be forgotten when you quit.</source>
        <translation>Din computer har ingen nøglering, CancelApp kan bruge; login-appens klienthemmelighed glemmes, når du lukker.</translation>
    </message>
    <message>
        <source>Your keychain is locked or refused to store the token, so it will be forgotten when you quit. Unlock the keychain and connect the store again to keep it.</source>
        <translation>Din nøglering er låst eller ville ikke gemme tokenet, så det bliver glemt, når du lukker programmet. Lås nøgleringen op, og forbind butikken igen for at beholde det.</translation>
    </message>
    <message>
        <source>Your keychain is locked or refused to store the client secret, so it will be forgotten when you quit. Unlock the keychain and connect the store again to keep it.</source>
        <translation>Din nøglering er låst eller ville ikke gemme klienthemmeligheden, så den bliver glemt, når du lukker programmet. Lås nøgleringen op, og forbind butikken igen for at beholde den.</translation>
    </message>
    <message>
        <source>Your keychain is locked or refused to store the email password, so it will be forgotten when you quit. Unlock the keychain and save the settings again to keep it.</source>
        <translation>Din nøglering er låst eller ville ikke gemme e-mailadgangskoden, så den bliver glemt, når du lukker programmet. Lås nøgleringen op, og gem indstillingerne igen for at beholde den.</translation>
    </message>
    <message>
        <source>Your keychain is locked or refused to store the key that seals the audit log, so it will be forgotten when you quit. Unlock the keychain and start CancelApp again.</source>
        <translation>Din nøglering er låst eller nægtede at gemme nøglen, der forsegler revisionsloggen, så den glemmes, når du lukker. Lås nøgleringen op, og start CancelApp igen.</translation>
    </message>
    <message>
        <source>Your keychain is locked or refused to store the mailbox sign-in, so it will be forgotten when you quit. Unlock the keychain and sign in again to keep it.</source>
        <translation>Din nøglering er låst eller nægtede at gemme login til postkassen, så det glemmes, når du lukker. Lås nøgleringen op og log ind igen for at beholde det.</translation>
    </message>
    <message>
        <source>Your keychain is locked or refused to store the sign-in app&apos;s client secret, so it will be forgotten when you quit. Unlock the keychain and save the settings again.</source>
        <translation>Din nøglering er låst eller nægtede at gemme login-appens klienthemmelighed, så den glemmes, når du lukker. Lås nøgleringen op og gem indstillingerne igen.</translation>
    </message>
    <message>
        <source>Your keychain is locked or refused access, so CancelApp cannot read the store&apos;s saved secrets. Unlock the keychain and try again.</source>
        <translation>Din nøglering er låst eller nægtede adgang, så CancelApp kan ikke læse butikkens gemte hemmeligheder. Lås nøgleringen op, og prøv igen.</translation>
    </message>
    <message>
        <source>Your keychain is locked or refused access, so CancelApp could not remove the store&apos;s saved secrets. Unlock the keychain and remove the store again.</source>
        <translation>Din nøglering er låst eller nægtede adgang, så CancelApp kunne ikke fjerne butikkens gemte hemmeligheder. Lås nøgleringen op, og fjern butikken igen.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>CancelApp could not read its settings file {path}, so it uses the standard settings for now.</source>
        <translation>CancelApp kunne ikke læse indstillingsfilen {path} og bruger derfor standardindstillingerne indtil videre.</translation>
    </message>
    <message>
        <source>The settings file was damaged, so CancelApp starts with the standard settings. The old file was kept as {path}.</source>
        <translation>Indstillingsfilen var beskadiget, så CancelApp starter med standardindstillingerne. Den gamle fil er gemt som {path}.</translation>
    </message>
    <message>
        <source>The settings file {path} was not saved as UTF-8 text. CancelApp read it as Windows text; check your settings, they will be saved as UTF-8 from now on.</source>
        <translation>Indstillingsfilen {path} var ikke gemt som UTF-8-tekst. CancelApp har læst den som Windows-tekst; kontrollér dine indstillinger – de gemmes som UTF-8 fra nu af.</translation>
    </message>
    <message>
        <source>CancelApp could not save the settings to {path}. Check that the disk is not full and that the folder may be written to.</source>
        <translation>CancelApp kunne ikke gemme indstillingerne i {path}. Tjek, at disken ikke er fuld, og at der må skrives i mappen.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Something unexpected went wrong while saving. The details are in CancelApp&apos;s log.</source>
        <translation>Noget uventet gik galt under gemning. Detaljerne står i CancelApps log.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Generelt</translation>
    </message>
    <message>
        <source>Reply templates</source>
        <translation>Svarskabeloner</translation>
    </message>
    <message>
        <source>Incoming requests</source>
        <translation>Indkomne anmodninger</translation>
    </message>
    <message>
        <source>Your &amp;name (shown in the log and replies)</source>
        <translation>Dit &amp;navn (vises i loggen og i svar)</translation>
    </message>
    <message>
        <source>&amp;Check for new requests every</source>
        <translation>&amp;Tjek for nye anmodninger hvert</translation>
    </message>
    <message>
        <source>&amp;Undo window</source>
        <translation>Tid til at &amp;fortryde</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>Som computeren</translation>
    </message>
    <message>
        <source>&amp;Hold shipping of an order as soon as a cancellation request arrives</source>
        <translation>&amp;Tilbagehold forsendelsen af en ordre, så snart en annulleringsanmodning kommer</translation>
    </message>
    <message>
        <source>&amp;Notify me when new requests arrive</source>
        <translation>&amp;Giv mig besked, når der kommer nye anmodninger</translation>
    </message>
    <message>
        <source>Look once a day for a ne&amp;wer version of CancelApp (asks GitHub)</source>
        <translation>Se efter en ny&amp;ere version af CancelApp én gang om dagen (spørger GitHub)</translation>
    </message>
    <message>
        <source>Sign in to the mailbox of {store} first, or choose App password.</source>
        <translation>Log først ind på postkassen for {store}, eller vælg Adgangskode til app.</translation>
    </message>
    <message>
        <source>Enter the mail server and user name for {store}, or switch email off.</source>
        <translation>Angiv mailserver og brugernavn for {store}, eller slå e-mail fra.</translation>
    </message>
    <message>
        <source>Replies are sent with the mailbox&apos;s own account: enter its mail server and user name for {store}, or leave the outgoing server empty.</source>
        <translation>Svar sendes med postkassens egen konto: angiv dens mailserver og brugernavn for {store}, eller lad den udgående server stå tom.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>Your store</source>
        <translation>Din butik</translation>
    </message>
    <message>
        <source>Enter your store&apos;s address, or paste the address of your Shopify admin.</source>
        <translation>Skriv din butiks adresse, eller indsæt adressen på din Shopify-administration.</translation>
    </message>
    <message>
        <source>Store &amp;address</source>
        <translation>Butikkens &amp;adresse</translation>
    </message>
    <message>
        <source>your-store.myshopify.com</source>
        <translation>din-butik.myshopify.com</translation>
    </message>
    <message>
        <source>Store address</source>
        <translation>Butikkens adresse</translation>
    </message>
    <message>
        <source>CancelApp will connect to the demo shop at {address}.</source>
        <translation>CancelApp forbinder til demobutikken på {address}.</translation>
    </message>
    <message>
        <source>CancelApp will connect to the demo shop on this computer at {address}. It is not a Shopify store: nothing you do there moves real money.</source>
        <translation>CancelApp forbinder til demobutikken på denne computer på {address}. Det er ikke en Shopify-butik: intet, du gør der, flytter rigtige penge.</translation>
    </message>
    <message>
        <source>CancelApp will connect to {domain}.</source>
        <translation>CancelApp forbinder til {domain}.</translation>
    </message>
</context>
<context>
    <name>ShopScopes</name>
    <message>
        <source>Without {scope}, CancelApp cannot {consequence}.</source>
        <translation>Uden {scope} kan CancelApp ikke {consequence}.</translation>
    </message>
    <message>
        <source>cancel or refund orders, or tag them and add notes</source>
        <translation>annullere eller refundere ordrer eller give dem tags og noter</translation>
    </message>
    <message>
        <source>hold an order&apos;s shipping while you decide on a request</source>
        <translation>tilbageholde en ordres forsendelse, mens du afgør en anmodning</translation>
    </message>
    <message>
        <source>open a return when a customer withdraws from a purchase that has shipped</source>
        <translation>oprette en returnering, når en kunde fortryder et køb, der er sendt</translation>
    </message>
    <message>
        <source>put items back in stock by hand when a cancellation did not restock them</source>
        <translation>lægge varer på lager igen manuelt, når en annullering ikke gjorde det</translation>
    </message>
    <message>
        <source>see whether an order is already being packed or is on hold</source>
        <translation>se, om en ordre allerede bliver pakket eller er tilbageholdt</translation>
    </message>
    <message>
        <source>see who placed an order, so email requests cannot be matched to customers</source>
        <translation>se, hvem der har afgivet en ordre, så anmodninger via e-mail ikke kan knyttes til kunder</translation>
    </message>
    <message>
        <source>see your other locations, so a cancelled item can only go back where it was to ship from</source>
        <translation>se dine andre lokationer, så en annulleret vare kun kan lægges på lager igen dér, hvor den skulle sendes fra</translation>
    </message>
    <message>
        <source>see your orders, so no request can be matched or judged</source>
        <translation>se dine ordrer, så ingen anmodning kan knyttes til en ordre eller vurderes</translation>
    </message>
</context>
<context>
    <name>ShopWindow</name>
    <message>
        <source>Shopify did not let CancelApp read the store&apos;s own cancellation window (the app lacks the read_legal_policies permission), so the policy&apos;s own window applies. Add the permission to the app in Shopify to use the store&apos;s window.</source>
        <translation>Shopify lod ikke CancelApp læse butikkens egen annulleringsfrist (appen mangler tilladelsen read_legal_policies), så politikkens egen frist gælder. Giv appen tilladelsen i Shopify for at bruge butikkens frist.</translation>
    </message>
</context>
<context>
    <name>ShopifyError</name>
    <message>
        <source>Shopify asked CancelApp to slow down. Try again in {wait}.</source>
        <translation>Shopify bad CancelApp om at sætte tempoet ned. Prøv igen om {wait}.</translation>
    </message>
    <message>
        <source>Shopify cannot be reached. Check the internet connection; CancelApp keeps working from its saved copy meanwhile.</source>
        <translation>Shopify kan ikke nås. Tjek internetforbindelsen; CancelApp arbejder videre med sin gemte kopi imens.</translation>
    </message>
    <message>
        <source>Shopify did not accept the access token. Check that you copied the whole token and that the app is still installed in your store.</source>
        <translation>Shopify godtog ikke adgangstokenet. Tjek, at du har kopieret hele tokenet, og at appen stadig er installeret i din butik.</translation>
    </message>
    <message>
        <source>Shopify did not accept the app&apos;s client ID and secret. Check both in the app&apos;s settings in the Dev Dashboard, and that the app is installed in this store.</source>
        <translation>Shopify godtog ikke appens klient-id og klienthemmelighed. Tjek begge i appens indstillinger i Dev Dashboard, og at appen er installeret i denne butik.</translation>
    </message>
    <message>
        <source>Shopify did not do it: {messages}</source>
        <translation>Shopify udførte det ikke: {messages}</translation>
    </message>
    <message>
        <source>Shopify has paused the store {domain} (for example over an unpaid bill), so orders cannot be read or changed. Check the notices in your Shopify admin.</source>
        <translation>Shopify har sat butikken {domain} på pause (f.eks. på grund af en ubetalt regning), så ordrer kan ikke læses eller ændres. Se meddelelserne i din Shopify-administration.</translation>
    </message>
    <message>
        <source>Shopify is not answering properly right now. Try again in a few minutes.</source>
        <translation>Shopify svarer ikke ordentligt lige nu. Prøv igen om et par minutter.</translation>
    </message>
    <message>
        <source>Shopify refused a request from CancelApp as too large. This is a fault in CancelApp; please report it.</source>
        <translation>Shopify afviste en forespørgsel fra CancelApp, fordi den var for stor. Det er en fejl i CancelApp; rapportér den venligst.</translation>
    </message>
    <message>
        <source>Shopify refused the request: {messages}</source>
        <translation>Shopify afviste forespørgslen: {messages}</translation>
    </message>
    <message>
        <source>Shopify refused this app access to the store. Check the app&apos;s permissions in your Shopify admin.</source>
        <translation>Shopify nægtede appen adgang til butikken. Tjek appens tilladelser i din Shopify-administration.</translation>
    </message>
    <message>
        <source>Shopify&apos;s answer arrived incomplete or garbled. A network filter or proxy may be in the way; try again.</source>
        <translation>Shopifys svar kom ufuldstændigt eller forvansket frem. Et netværksfilter eller en proxy kan stå i vejen; prøv igen.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stoppet.</translation>
    </message>
    <message>
        <source>The app is missing a permission in your store ({scopes}). Add it to the app&apos;s access scopes, release a new version and install it again.</source>
        <translation>Appen mangler en tilladelse i din butik ({scopes}). Tilføj den til appens adgangsområder (scopes), udgiv en ny version, og installer den igen.</translation>
    </message>
    <message>
        <source>The connection broke before Shopify answered, so CancelApp cannot tell whether the change was made. It will check the order before doing anything else.</source>
        <translation>Forbindelsen blev afbrudt, før Shopify svarede, så CancelApp kan ikke se, om ændringen blev foretaget. Den tjekker ordren, før den gør noget andet.</translation>
    </message>
    <message>
        <source>There is no Shopify store at {domain}. Check the store address.</source>
        <translation>Der er ingen Shopify-butik på {domain}. Tjek butikkens adresse.</translation>
    </message>
    <message>
        <source>“{text}” is not a Shopify store address. Enter the store name, name.myshopify.com, or paste the address of your Shopify admin.</source>
        <translation>“{text}” er ikke en Shopify-butiks adresse. Skriv butikkens navn, navn.myshopify.com, eller indsæt adressen på din Shopify-administration.</translation>
    </message>
</context>
<context>
    <name>ShopifyText</name>
    <message>
        <source>Cancellation approved in CancelApp</source>
        <translation>Annullering godkendt i CancelApp</translation>
    </message>
    <message>
        <source>Cancellation request declined: {reason}</source>
        <translation>Anmodning om annullering afvist: {reason}</translation>
    </message>
    <message>
        <source>Cancelled at the customer&apos;s request; approved by {who} in CancelApp.</source>
        <translation>Annulleret efter kundens ønske; godkendt af {who} i CancelApp.</translation>
    </message>
    <message>
        <source>Customer asked to cancel; on hold in CancelApp until decided.</source>
        <translation>Kunden har bedt om annullering; tilbageholdt i CancelApp, indtil der er truffet en beslutning.</translation>
    </message>
    <message>
        <source>The customer asked to cancel order {order}. Please do not ship it.</source>
        <translation>Kunden har bedt om at annullere ordre {order}. Send den venligst ikke.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastaturgenveje</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Kommando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <source>Elsewhere</source>
        <translation>Andre steder</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>This copy of CancelApp has no {provider} sign-in app. Enter the client ID of your own {provider} app under Sign-in apps, or choose App password.</source>
        <translation>Denne udgave af CancelApp har ingen login-app hos {provider}. Skriv klient-id&apos;et for din egen app hos {provider} under Login-apps, eller vælg Adgangskode til app.</translation>
    </message>
    <message>
        <source>Google also requires the client secret of your Desktop app. Enter it under Sign-in apps.</source>
        <translation>Google kræver også klienthemmeligheden for din skrivebordsapp. Skriv den under Login-apps.</translation>
    </message>
    <message>
        <source>CancelApp could not open a port on this computer (127.0.0.1) to receive the answer from the sign-in page. A firewall or security program may block it: allow CancelApp there, or choose App password.</source>
        <translation>CancelApp kunne ikke åbne en port på denne computer (127.0.0.1) til at modtage svaret fra login-siden. En firewall eller et sikkerhedsprogram blokerer den måske: tillad CancelApp dér, eller vælg Adgangskode til app.</translation>
    </message>
    <message>
        <source>No answer came from the sign-in page within {minutes} minutes. Click Sign in to try again; if no page opened, set a default web browser on this computer.</source>
        <translation>Login-siden svarede ikke inden for {minutes} minutter. Klik på Log ind for at prøve igen; åbnede der ingen side, så vælg en standardbrowser på denne computer.</translation>
    </message>
    <message>
        <source>You did not allow CancelApp to use your {provider} mailbox, so nothing changed. Sign in again and choose Allow, or choose App password.</source>
        <translation>Du gav ikke CancelApp lov til at bruge din postkasse hos {provider}, så intet er ændret. Log ind igen og vælg Tillad, eller vælg Adgangskode til app.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s administrator does not allow CancelApp to use its {provider} mailboxes. Ask them to approve the app for IMAP and SMTP, or choose App password if your organisation allows one.</source>
        <translation>Din organisations administrator tillader ikke CancelApp at bruge organisationens postkasser hos {provider}. Bed administratoren om at godkende appen til IMAP og SMTP, eller vælg Adgangskode til app, hvis organisationen tillader det.</translation>
    </message>
    <message>
        <source>{provider} does not accept the sign-in app&apos;s client ID or client secret. Check them under Sign-in apps.</source>
        <translation>{provider} godtager ikke login-appens klient-id eller klienthemmelighed. Tjek dem under Login-apps.</translation>
    </message>
    <message>
        <source>{provider} refused the sign-in ({detail}). Try again, or choose App password.</source>
        <translation>{provider} afviste login ({detail}). Prøv igen, eller vælg Adgangskode til app.</translation>
    </message>
    <message>
        <source>An answer reached CancelApp that did not belong to this sign-in, so it was ignored. Click Sign in to try again.</source>
        <translation>CancelApp fik et svar, der ikke hørte til dette login, så det blev ignoreret. Klik på Log ind for at prøve igen.</translation>
    </message>
    <message>
        <source>CancelApp could not reach {provider} to finish the sign-in. Check the internet connection and try again.</source>
        <translation>CancelApp kunne ikke nå {provider} for at gøre login færdigt. Tjek internetforbindelsen og prøv igen.</translation>
    </message>
    <message>
        <source>{provider} did not say which email address was signed in, so CancelApp cannot use it. Try again, or choose App password.</source>
        <translation>{provider} oplyste ikke, hvilken e-mailadresse der blev logget ind med, så CancelApp kan ikke bruge den. Prøv igen, eller vælg Adgangskode til app.</translation>
    </message>
    <message>
        <source>{provider} no longer accepts CancelApp&apos;s sign-in for {address} (it expired or was withdrawn). Sign in again under Settings › Incoming requests.</source>
        <translation>{provider} godtager ikke længere CancelApps login for {address} (det er udløbet eller trukket tilbage). Log ind igen under Indstillinger › Indkomne anmodninger.</translation>
    </message>
    <message>
        <source>CancelApp has no {provider} sign-in on this computer for {address}. Sign in under Settings › Incoming requests.</source>
        <translation>CancelApp har intet login hos {provider} på denne computer for {address}. Log ind under Indstillinger › Indkomne anmodninger.</translation>
    </message>
    <message>
        <source>CancelApp has forgotten its {provider} sign-in. {provider} still lists CancelApp as allowed until you remove it at {url}.</source>
        <translation>CancelApp har glemt sit login hos {provider}. {provider} viser stadig CancelApp som tilladt, indtil du fjerner den på {url}.</translation>
    </message>
</context>
<context>
    <name>SignInAppsBox</name>
    <message>
        <source>Sign-in apps (for Google and Microsoft 365)</source>
        <translation>Login-apps (til Google og Microsoft 365)</translation>
    </message>
    <message>
        <source>Signing in with Google or Microsoft goes through a registered sign-in app. Leave these empty to use the one this copy of CancelApp comes with, or enter your own app&apos;s client ID. Google also gives Desktop apps a client secret.</source>
        <translation>Login med Google eller Microsoft går gennem en registreret login-app. Lad felterne stå tomme for at bruge den, der følger med denne udgave af CancelApp, eller skriv din egen apps klient-id. Google giver også skrivebordsapps en klienthemmelighed.</translation>
    </message>
    <message>
        <source>Google client ID</source>
        <translation>Google klient-id</translation>
    </message>
    <message>
        <source>Google client secret</source>
        <translation>Google klienthemmelighed</translation>
    </message>
    <message>
        <source>Microsoft client ID</source>
        <translation>Microsoft klient-id</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved one</source>
        <translation>Lad stå tomt for at beholde den gemte</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>CancelApp cannot write its log in {folder}, so this session keeps no log. Check that the folder exists and that you are allowed to change it.</source>
        <translation>CancelApp kan ikke skrive sin log i {folder}, så denne session fører ingen log. Kontrollér at mappen findes, og at du må ændre den.</translation>
    </message>
    <message>
        <source>CancelApp cannot create its data folder {folder} ({detail}). Check that the disk is connected and that you are allowed to write there, then start CancelApp again.</source>
        <translation>CancelApp kan ikke oprette sin datamappe {folder} ({detail}). Kontrollér at disken er tilsluttet, og at du må skrive der, og start så CancelApp igen.</translation>
    </message>
    <message>
        <source>CancelApp cannot start</source>
        <translation>CancelApp kan ikke starte</translation>
    </message>
    <message>
        <source>Move the file aside and start empty</source>
        <translation>Flyt filen til side og start forfra</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Åbn datamappen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>Restore latest backup</source>
        <translation>Gendan seneste sikkerhedskopi</translation>
    </message>
    <message>
        <source>The details are in the log file {file}.</source>
        <translation>Detaljerne står i logfilen {file}.</translation>
    </message>
    <message>
        <source>The latest backup is from {time}.</source>
        <translation>Den seneste sikkerhedskopi er fra {time}.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Connection</source>
        <translation>Forbindelse</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Seneste synkronisering</translation>
    </message>
    <message>
        <source>Shopify API budget</source>
        <translation>Shopify API-budget</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synkroniseringens fremdrift</translation>
    </message>
    <message>
        <source>API budget {percent} %</source>
        <translation>API-budget {percent} %</translation>
    </message>
    <message>
        <source>{available} of {maximum} points left</source>
        <translation>{available} af {maximum} point tilbage</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkroniserer…</translation>
    </message>
    <message>
        <source>Not signed in to Shopify: connect the store again (File › Connect store…)</source>
        <translation>Ikke logget ind på Shopify: forbind butikken igen (Filer › Forbind butik…)</translation>
    </message>
    <message>
        <source>Connecting to Shopify…</source>
        <translation>Forbinder til Shopify…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Ikke forbundet</translation>
    </message>
    <message>
        <source>Online, but Shopify refuses access</source>
        <translation>Online, men Shopify nægter adgang</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline: nothing read from Shopify yet</source>
        <translation>Offline: intet hentet fra Shopify endnu</translation>
    </message>
    <message>
        <source>Offline: working from the cache</source>
        <translation>Offline: arbejder ud fra den gemte kopi</translation>
    </message>
    <message>
        <source>Reading your store for the first time…</source>
        <translation>Læser din butik for første gang…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Aldrig synkroniseret</translation>
    </message>
    <message>
        <source>Last synced {when}</source>
        <translation>Senest synkroniseret {when}</translation>
    </message>
</context>
<context>
    <name>StatusWords</name>
    <message>
        <source>authorized</source>
        <translation>autoriseret</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>udløbet</translation>
    </message>
    <message>
        <source>fulfilled</source>
        <translation>sendt</translation>
    </message>
    <message>
        <source>fulfillment not required</source>
        <translation>skal ikke sendes</translation>
    </message>
    <message>
        <source>high</source>
        <translation>høj</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>i gang</translation>
    </message>
    <message>
        <source>low</source>
        <translation>lav</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>middel</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>on hold</source>
        <translation>tilbageholdt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>åben</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>betalt</translation>
    </message>
    <message>
        <source>partially fulfilled</source>
        <translation>delvist sendt</translation>
    </message>
    <message>
        <source>partially paid</source>
        <translation>delvist betalt</translation>
    </message>
    <message>
        <source>partially refunded</source>
        <translation>delvist refunderet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>afventer</translation>
    </message>
    <message>
        <source>pending fulfillment</source>
        <translation>afventer forsendelse</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunderet</translation>
    </message>
    <message>
        <source>request declined</source>
        <translation>anmodning afvist</translation>
    </message>
    <message>
        <source>restocked</source>
        <translation>lagt på lager igen</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>planlagt</translation>
    </message>
    <message>
        <source>unfulfilled</source>
        <translation>ikke sendt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukendt</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>annulleret</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>CancelApp cannot write to its data folder {folder}. Check that the folder exists and that you are allowed to change it, or choose another folder.</source>
        <translation>CancelApp kan ikke skrive i sin datamappe {folder}. Tjek, at mappen findes, og at du må ændre den, eller vælg en anden mappe.</translation>
    </message>
    <message>
        <source>CancelApp could not read or write its data in {folder} (a disk error). Quit CancelApp, check that the disk or network drive is connected and that no cleaning or sync program removes files in that folder, then start CancelApp again. Recent changes may need to be made again; if the problem stays, restore from a backup.</source>
        <translation>CancelApp kunne ikke læse eller skrive sine data i {folder} (en diskfejl). Luk CancelApp, kontrollér at disken eller netværksdrevet er tilsluttet, og at intet oprydnings- eller synkroniseringsprogram fjerner filer i mappen, og start så CancelApp igen. De seneste ændringer skal måske laves igen; bliver problemet ved, så gendan fra en sikkerhedskopi.</translation>
    </message>
    <message>
        <source>CancelApp is already open with this data folder. Switch to that window; this one will close.</source>
        <translation>CancelApp er allerede åben med denne datamappe. Skift til det vindue; dette vindue lukkes.</translation>
    </message>
    <message>
        <source>CancelApp&apos;s data file is empty (0 bytes): something has truncated it. CancelApp can restore the latest backup, or move the empty file aside and download your orders again from Shopify.</source>
        <translation>CancelApps datafil er tom (0 byte): noget har afkortet den. CancelApp kan gendanne den seneste sikkerhedskopi eller flytte den tomme fil til side og hente dine ordrer igen fra Shopify.</translation>
    </message>
    <message>
        <source>CancelApp&apos;s data file {file} is a folder, not a file. Move or rename that folder, then start CancelApp again.</source>
        <translation>CancelApps datafil {file} er en mappe, ikke en fil. Flyt eller omdøb mappen, og start så CancelApp igen.</translation>
    </message>
    <message>
        <source>CancelApp&apos;s data is busy in another program. Close other copies of CancelApp (or backup tools using its folder) and try again.</source>
        <translation>CancelApps data er i brug af et andet program. Luk andre kopier af CancelApp (eller backupprogrammer, der bruger mappen), og prøv igen.</translation>
    </message>
    <message>
        <source>CancelApp&apos;s saved data is damaged and cannot be read. CancelApp can move the damaged file aside (it is kept, not deleted) and download your orders again from Shopify.</source>
        <translation>CancelApps gemte data er beskadiget og kan ikke læses. CancelApp kan flytte den beskadigede fil til side (den gemmes og slettes ikke) og hente dine ordrer fra Shopify igen.</translation>
    </message>
    <message>
        <source>The disk holding CancelApp&apos;s data is full. Free some space, then try again. Nothing you saved before has been lost.</source>
        <translation>Disken med CancelApps data er fuld. Frigør noget plads, og prøv igen. Intet af det, du har gemt før, er gået tabt.</translation>
    </message>
    <message>
        <source>This data was saved by a newer version of CancelApp. Install the newer version to open it; this version has not changed it.</source>
        <translation>Disse data er gemt af en nyere version af CancelApp. Installer den nyere version for at åbne dem; denne version har ikke ændret dem.</translation>
    </message>
</context>
<context>
    <name>StoreRemoval</name>
    <message>
        <source>Remove store</source>
        <translation>Fjern butik</translation>
    </message>
    <message>
        <source>Remove {store} from CancelApp on this computer?</source>
        <translation>Fjern {store} fra CancelApp på denne computer?</translation>
    </message>
    <message>
        <source>CancelApp will delete the orders and requests of this store it keeps on this computer, the store&apos;s policy and request settings, and its token, client secret and email password in the keychain. Nothing changes in your Shopify store. The action journal and the audit log are kept, so what was done stays on record. You can connect the store again later.</source>
        <translation>CancelApp sletter de ordrer og anmodninger fra denne butik, som den gemmer på denne computer, butikkens politik og indstillinger for anmodninger samt dens token, klienthemmelighed og e-mailadgangskode i nøgleringen. Intet ændres i din Shopify-butik. Handlingsjournalen og revisionsloggen bevares, så det, der er gjort, stadig er dokumenteret. Du kan forbinde butikken igen senere.</translation>
    </message>
</context>
<context>
    <name>StoreSwitcher</name>
    <message>
        <source>A bulk action is under way in this store: switch stores once it has been sent or undone.</source>
        <translation>En samlet handling er i gang i denne butik: skift butik, når den er sendt eller fortrudt.</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <source>The customer&apos;s &amp;language</source>
        <translation>Kundens &amp;sprog</translation>
    </message>
    <message>
        <source>Reply templates</source>
        <translation>Svarskabeloner</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Emne</translation>
    </message>
    <message>
        <source>Template subject</source>
        <translation>Skabelonens emne</translation>
    </message>
    <message>
        <source>Filled in when the reply is written: {name} (the customer), {order}, {amount}, {fee}, {method} (how the money goes back), {expiry} (when store credit runs out), {days}, {reason} and {shop}. Plain text only.</source>
        <translation>Udfyldes, når svaret skrives: {name} (kunden), {order}, {amount}, {fee}, {method} (hvordan pengene går tilbage), {expiry} (hvornår tilgodehavendet udløber), {days}, {reason} og {shop}. Kun almindelig tekst.</translation>
    </message>
    <message>
        <source>&amp;Restore the standard text</source>
        <translation>&amp;Gendan standardteksten</translation>
    </message>
    <message>
        <source>What a customer reads (an example):</source>
        <translation>Det, en kunde læser (et eksempel):</translation>
    </message>
    <message>
        <source>Preview of the reply</source>
        <translation>Forhåndsvisning af svaret</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Tekst</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Skabelonens tekst</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Characters used</source>
        <translation>Tegn brugt</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>For lang</translation>
    </message>
    <message>
        <source>{used} of {limit} characters</source>
        <translation>{used} af {limit} tegn</translation>
    </message>
    <message>
        <source>Shopify takes at most {limit} characters here. Shorten the text by {excess} to continue.</source>
        <translation>Shopify tager højst {limit} tegn her. Gør teksten {excess} tegn kortere for at fortsætte.</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>CancelApp {version} is available:</source>
        <translation>CancelApp {version} er udkommet:</translation>
    </message>
    <message>
        <source>what&apos;s new</source>
        <translation>se hvad der er nyt</translation>
    </message>
    <message>
        <source>Should CancelApp look once a day for a newer version? It asks the project&apos;s release page on GitHub and sends nothing about you or your shop.</source>
        <translation>Skal CancelApp se efter en nyere version én gang om dagen? Den spørger projektets udgivelsesside på GitHub og sender intet om dig eller din butik.</translation>
    </message>
    <message>
        <source>Check daily</source>
        <translation>Se efter dagligt</translation>
    </message>
    <message>
        <source>Don&apos;t check</source>
        <translation>Nej tak</translation>
    </message>
</context>
<context>
    <name>Withdrawal</name>
    <message>
        <source>Shipped outside the EU/EEA: the shop&apos;s own cancellation terms apply</source>
        <translation>Sendt uden for EU/EØS: butikkens egne annulleringsvilkår gælder</translation>
    </message>
    <message>
        <source>No shipping address on the order: the shop&apos;s own cancellation terms apply</source>
        <translation>Ingen leveringsadresse på ordren: butikkens egne annulleringsvilkår gælder</translation>
    </message>
    <message>
        <source>A company is on the order ({company}): a business has no statutory right of withdrawal</source>
        <translation>Der står et firma på ordren ({company}): en virksomhed har ingen lovbestemt fortrydelsesret</translation>
    </message>
    <message>
        <source>Made to the consumer&apos;s specification (product tag {tag}): the right of withdrawal may not apply (Art. 16(c)); your judgement</source>
        <translation>Fremstillet efter forbrugerens specifikationer (produkttag {tag}): fortrydelsesretten gælder muligvis ikke (art. 16, litra c); din vurdering</translation>
    </message>
    <message>
        <source>Sealed goods for health or hygiene reasons, unsealed after delivery: the right of withdrawal does not apply (Art. 16(e)); your judgement</source>
        <translation>Varer forseglet af sundheds- eller hygiejnehensyn, hvis forsegling er brudt efter levering: fortrydelsesretten gælder ikke (art. 16, litra e); din vurdering</translation>
    </message>
    <message>
        <source>Sealed audio, video or software, unsealed after delivery: the right of withdrawal does not apply (Art. 16(i)); your judgement</source>
        <translation>Forseglet lyd, video eller software, hvis forsegling er brudt efter levering: fortrydelsesretten gælder ikke (art. 16, litra i); din vurdering</translation>
    </message>
    <message>
        <source>Nothing of order {order} has shipped: approve it as a cancellation instead.</source>
        <translation>Intet fra ordre {order} er sendt: godkend den som en annullering i stedet.</translation>
    </message>
    <message>
        <source>Order {order} already has a return in progress: complete the withdrawal through it.</source>
        <translation>Ordre {order} har allerede en returnering i gang: gennemfør fortrydelsen gennem den.</translation>
    </message>
    <message>
        <source>Order {order} has too many shipped items to list here: open the return in Shopify.</source>
        <translation>Ordre {order} har for mange sendte varer til at vise her: opret returneringen i Shopify.</translation>
    </message>
    <message>
        <source>Shopify no longer has order {order}.</source>
        <translation>Shopify har ikke længere ordre {order}.</translation>
    </message>
    <message>
        <source>This request is not a statutory withdrawal in time: decide it as a cancellation.</source>
        <translation>Denne anmodning er ikke en rettidig lovbestemt fortrydelse: afgør den som en annullering.</translation>
    </message>
</context>
<context>
    <name>WithdrawalFlow</name>
    <message>
        <source>Send the customer this acknowledgement of their withdrawal: it repeats what they wrote and when it was received.</source>
        <translation>Send kunden denne kvittering for fortrydelsen: den gentager, hvad kunden skrev, og hvornår det blev modtaget.</translation>
    </message>
    <message>
        <source>Acknowledge withdrawal</source>
        <translation>Kvittér for fortrydelse</translation>
    </message>
    <message>
        <source>Open a return in Shopify for the shipped items of order {order}, and prepare the return instructions for the customer.</source>
        <translation>Opret en returnering i Shopify for de sendte varer i ordre {order}, og klargør returvejledningen til kunden.</translation>
    </message>
    <message>
        <source>The refund follows the return: no fee, the standard delivery cost included, by the means the customer paid with, due by {day} (Art. 13).</source>
        <translation>Tilbagebetalingen følger returneringen: uden gebyr, inklusive standardlevering, med det betalingsmiddel kunden brugte, senest {day} (art. 13).</translation>
    </message>
    <message>
        <source>Return {name} is open in Shopify. Send the customer the return instructions (add your return address):</source>
        <translation>Returnering {name} er oprettet i Shopify. Send kunden returvejledningen (tilføj jeres returadresse):</translation>
    </message>
    <message>
        <source>Return instructions</source>
        <translation>Returvejledning</translation>
    </message>
</context>
</TS>
