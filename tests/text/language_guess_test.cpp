#include "text/language_guess.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("the language of a text by its commonest words", "[text][language]") {
  CHECK(guess_language("The council said that the bridge would open in the spring.") == "en");
  CHECK(guess_language("Die Regierung hat den Haushalt für das kommende Jahr vorgestellt.") ==
        "de");
  CHECK(guess_language("Le gouvernement a présenté son budget pour l'année prochaine.") == "fr");
  CHECK(guess_language("El Gobierno presentó ayer los presupuestos para el próximo año.") == "es");
  CHECK(guess_language("O governo apresentou o orçamento para o próximo ano, não é?") == "pt");
  CHECK(guess_language("Il governo ha presentato il bilancio per il prossimo anno.") == "it");
  CHECK(guess_language("De regering heeft de begroting voor het komende jaar gepresenteerd.") ==
        "nl");
  // Too little to tell.
  CHECK(guess_language("") == "");
  CHECK(guess_language("2 km") == "");
  CHECK(guess_language("Paris") == "");
}
