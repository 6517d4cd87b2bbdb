from . import vrac_volunteer_skill
from . import vrac_groupement
from . import vrac_groupement_structure
from . import res_users
from . import res_partner
from . import product_template
from . import membership_membership_line
