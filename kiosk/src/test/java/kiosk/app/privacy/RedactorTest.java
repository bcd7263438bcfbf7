package kiosk.app.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The redaction table: written and spoken personal data goes, the store's own numbers and words stay. */
class RedactorTest {

    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            my number is 555-123-4567                                  | my number is [phone]
            call me on (555) 123-4567 please                           | call me on [phone] please
            +1 555 123 4567                                            | [phone]
            my number is 555 1234.                                     | my number is [phone].
            five five five one two three four                          | [phone]
            my phone is five five five, one two three four             | my phone is [phone]
            it's oh seven seven double two three four five six seven   | it's [phone]
            call nine one nine five five five twelve thirty four       | call [phone]
            text me at 07700 900123 when it arrives                    | text me at [phone] when it arrives
            john.smith@example.com                                     | [email]
            email me at Jane_Doe+kiosk@mail.example.co.uk thanks       | email me at [email] thanks
            john dot smith at example dot com                          | [email]
            my email is jsmith at gmail dot com                        | my email is [email]
            it's mary underscore jones at outlook dot co dot uk        | it's [email]
            send it to bob at example dot org please                   | send it to [email] please
            write to JOHN.SMITH@EXAMPLE.COM.                           | write to [email].
            my card is 4111 1111 1111 1111                             | my card is [card]
            4111-1111-1111-1111                                        | [card]
            card 5500005555555559 was declined                         | card [card] was declined
            four one one one one one one one one one one one one one one one | [card]
            378282246310005                                            | [card]
            I live at 42 Oak Street                                    | I live at [address]
            deliver to 1600 Pennsylvania Avenue, apt 4B                | deliver to [address]
            it's twelve elm road                                       | it's [address]
            one two three main street                                  | [address]
            ship to 221b Baker St. tomorrow                            | ship to [address] tomorrow
            my name is John Smith                                      | my name is [name]
            my name is sam and I need a drill                          | my name is [name] and I need a drill
            my name's Priya, where is the paint                        | my name's [name], where is the paint
            hi call me Alex please                                     | hi call me [name] please
            my name is john my number is 555 1234                      | my name is [name] my number is [phone]
            where are the double a batteries                           | where are the double a batteries
            how much is the drill, is it $89.99                        | how much is the drill, is it $89.99
            is aisle 12 open                                           | is aisle 12 open
            do you have 3/4 inch pvc elbows                            | do you have 3/4 inch pvc elbows
            when do you close on sunday, at nine                       | when do you close on sunday, at nine
            I need 2 by 4 lumber 8 feet long                           | I need 2 by 4 lumber 8 feet long
            open from 8 to 9 on the 24th                               | open from 8 to 9 on the 24th
            i want to talk to a real person                            | i want to talk to a real person
            where is the hose at the garden centre                     | where is the hose at the garden centre
            sku 12345                                                  | sku 12345
            4111 1111 1111 1112 fails luhn                             | 4111 1111 1111 1112 fails luhn
            a twenty five foot tape measure                            | a twenty five foot tape measure
            my name is not important                                   | my name is not important
            """)
    void redactsPersonalDataAndKeepsTheRest(String input, String expected) {
        assertEquals(expected, redactor.redact(input));
    }

    @Test
    void theTableIsLargeEnough() throws NoSuchMethodException {
        String[] rows = RedactorTest.class.getDeclaredMethod("redactsPersonalDataAndKeepsTheRest", String.class,
                String.class).getAnnotation(CsvSource.class).textBlock().strip().split("\n");
        assertTrue(rows.length >= 40, rows.length + " rows");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            number five hundred fifty five one hundred twenty three four thousand five hundred sixty seven bike tyres \
              | my number is 555 123 4567, do you have bike tyres | number bike tyres
            john dot smith example dot com hammers | john dot smith at example dot com where are the hammers | hammers
            card four thousand one hundred eleven | my card is 4111 1111 1111 1111 | card
            cordless drill | where is the cordless drill | cordless drill
            """)
    void aPhraseTakenFromPersonalDataLosesItToo(String derived, String original, String expected) {
        assertEquals(expected, redactor.redactDerived(derived, original));
    }

    @Test
    void luhnTellsCardsFromOtherLongNumbers() {
        assertTrue(Redactor.luhn("4111111111111111"));
        assertFalse(Redactor.luhn("4111111111111112"));
        assertEquals(Redactor.Kind.CARD, Redactor.classify("4012888888881881"));
        assertEquals(Redactor.Kind.PHONE, Redactor.classify("5551234"));
        assertEquals(null, Redactor.classify("123456"));
    }
}
